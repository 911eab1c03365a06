import { type ChannelName, channelParts } from '../contract/channels';
import type { ClientFrame, ServerFrame } from '../contract/realtime';

/**
 * What a channel's listener receives: an order event, a rider's position, an offer, a new order
 * seen at the shop, or the shop as its seller changed it.
 */
export type ChannelFrame = Extract<ServerFrame, { type: 'event' | 'position' | 'offer' | 'seen' | 'store' }>;

export type ConnectionState = 'offline' | 'connecting' | 'online';

/** The server's answer to a frame the client sent with a `ref` (a rider's `locations`). */
export type ReplyFrame =
  | Extract<ServerFrame, { type: 'locations_saved' }>
  | (Extract<ServerFrame, { type: 'error' }> & { ref: string });

/** The part of the WebSocket API the client uses: the browser's, React Native's, or `ws` in Node. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface RealtimeOptions {
  /** `ws://…/ws` or `wss://…/ws`. */
  url: string;
  /** The current access token (null when logged out: the client then stays offline). */
  token(): string | null | undefined;
  /**
   * Called when the server says the token expired, or refuses it at sign-in (its login may have
   * ended); resolves once a fresh one is in place, false when the app is logged out.
   */
  refreshToken(): Promise<boolean>;
  WebSocket?: new (url: string) => SocketLike;
  /** First reconnection delay; it doubles up to maxDelayMs, with jitter (1 s … 30 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A connection that lasted this long resets the delay to the first one. */
  stableAfterMs?: number;
  random?: () => number;
}

type Listener = (frame: ChannelFrame) => void;

interface Channel {
  listeners: Set<Listener>;
  /** Called each time the channel is subscribed again after a drop or a new token (lists may have missed events). */
  resumed: Set<() => void>;
  /** Newest sequence number delivered, per order (one order on order.{id}, many on store/rider channels). */
  seen: Map<string, number>;
}

export interface RealtimeClient {
  /**
   * Listens to a channel. For an order's (`channels.order(id)`), pass the last sequence number the
   * app already has: the missed events are replayed, and each event is delivered once, in order,
   * across reconnections.
   */
  subscribe(channel: ChannelName, listener: Listener, options?: { since?: number; onResume?: () => void }): () => void;
  /** Send a frame on the socket now if connected (false otherwise). */
  send(frame: ClientFrame): boolean;
  /** The token changed (refreshed, or another user logged in): authenticate again. */
  reauthenticate(): void;
  /** Try now rather than at the next backoff step (the network came back). */
  reconnectNow(): void;
  /** Listens to the server's answers to frames sent with a `ref`. */
  onReply(listener: (frame: ReplyFrame) => void): () => void;
  readonly state: ConnectionState;
  onState(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

const OPEN = 1;

/** The order of an order's channel: only those replay from a sequence number. */
function orderOf(name: ChannelName) {
  const parts = channelParts(name);
  return parts.kind === 'order' ? parts.id : undefined;
}

/** Where an order's channel resumes: after the newest event delivered. */
function sinceOf(name: ChannelName, channel: Channel) {
  const orderId = orderOf(name);
  return orderId === undefined ? undefined : channel.seen.get(orderId);
}

/** One WebSocket for every channel, reconnecting with backoff and resuming each channel where it was. */
export function createRealtimeClient(options: RealtimeOptions): RealtimeClient {
  const { url, initialDelayMs = 1000, maxDelayMs = 30_000, stableAfterMs = 10_000, random = Math.random } = options;
  const Socket =
    options.WebSocket ?? (globalThis as unknown as { WebSocket: new (url: string) => SocketLike }).WebSocket;
  const channels = new Map<ChannelName, Channel>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const replyListeners = new Set<(frame: ReplyFrame) => void>();
  let socket: SocketLike | undefined;
  let state: ConnectionState = 'offline';
  let authenticated = false;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stable: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  /** Whether the channels were subscribed before: the next subscription is a resumption. */
  let resuming = false;
  /** An auth frame is out and not yet answered. */
  let signingIn = false;
  /** A refused sign-in was already answered with a refresh (reset once one succeeds): no refresh loop. */
  let renewedAfterRefusal = false;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const send = (frame: ClientFrame) => {
    if (socket?.readyState !== OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  };

  function subscribeOnServer(name: ChannelName, channel: Channel) {
    const since = sinceOf(name, channel);
    send({ type: 'subscribe', channel: name, ...(since === undefined ? {} : { since }) });
  }

  function authenticate() {
    const token = options.token();
    if (!token) return socket?.close(1000, 'logged out');
    authenticated = false;
    signingIn = send({ type: 'auth', token });
  }

  function renewToken() {
    authenticated = false;
    options.refreshToken().then(
      (fresh) => (fresh ? authenticate() : socket?.close(1000, 'logged out')),
      () => {
        // Offline: the server closes the unsigned socket, and the next connection's sign-in tries again.
        renewedAfterRefusal = false;
      },
    );
  }

  function deliver(frame: ChannelFrame) {
    const channel = channels.get(frame.channel);
    if (!channel) return;
    if (frame.type === 'event') {
      const orderId = frame.event.order_id;
      if (frame.seq <= (channel.seen.get(orderId) ?? 0)) return;
      channel.seen.set(orderId, frame.seq);
    }
    for (const listener of channel.listeners) listener(frame);
  }

  function onFrame(frame: ServerFrame) {
    switch (frame.type) {
      case 'authenticated': {
        const first = !authenticated;
        authenticated = true;
        signingIn = false;
        renewedAfterRefusal = false;
        setState('online');
        if (!first) return;
        for (const [name, channel] of channels) {
          subscribeOnServer(name, channel);
          // Back after a drop: lists that cannot replay (store and rider channels) read again.
          if (resuming) for (const resumed of channel.resumed) resumed();
        }
        resuming = true;
        return;
      }
      case 'event':
      case 'position':
      case 'offer':
      case 'seen':
      case 'store':
        return deliver(frame);
      case 'locations_saved':
        for (const listener of replyListeners) listener(frame);
        return;
      case 'error':
        if (frame.ref !== undefined) for (const listener of replyListeners) listener({ ...frame, ref: frame.ref });
        if (frame.code === 'TOKEN_EXPIRED') renewToken();
        // The token was refused at sign-in: its login ended (logout elsewhere, a password change) or
        // it lapsed in the app's hands. One refresh tells which, and logs the app out for the first.
        else if (frame.code === 'UNAUTHENTICATED' && signingIn && !renewedAfterRefusal) {
          signingIn = false;
          renewedAfterRefusal = true;
          renewToken();
        }
        return;
      default:
        return;
    }
  }

  function connect() {
    clearTimeout(retry);
    if (closed || socket || !options.token()) return;
    setState('connecting');
    const current = new Socket(url);
    socket = current;
    current.onopen = () => {
      authenticate();
      stable = setTimeout(() => {
        attempt = 0;
      }, stableAfterMs);
    };
    current.onmessage = (message) => {
      try {
        onFrame(JSON.parse(String(message.data)) as ServerFrame);
      } catch {
        // Not a frame of ours: ignore it rather than drop the connection.
      }
    };
    current.onerror = () => {};
    current.onclose = () => {
      if (socket !== current) return;
      socket = undefined;
      authenticated = false;
      clearTimeout(stable);
      setState('offline');
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    if (closed) return;
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** attempt);
    attempt += 1;
    // Half fixed, half random: a town's phones coming back together do not all knock at once.
    retry = setTimeout(connect, ceiling / 2 + random() * (ceiling / 2));
  }

  return {
    subscribe(name, listener, { since, onResume } = {}) {
      let channel = channels.get(name);
      const isNew = !channel;
      if (!channel) {
        channel = { listeners: new Set(), resumed: new Set(), seen: new Map() };
        channels.set(name, channel);
      }
      const orderId = orderOf(name);
      if (since !== undefined && orderId !== undefined) {
        channel.seen.set(orderId, Math.max(since, channel.seen.get(orderId) ?? 0));
      }
      channel.listeners.add(listener);
      if (onResume) channel.resumed.add(onResume);
      if (isNew && authenticated) subscribeOnServer(name, channel);
      connect();
      return () => {
        const current = channels.get(name);
        if (!current) return;
        current.listeners.delete(listener);
        if (onResume) current.resumed.delete(onResume);
        if (current.listeners.size > 0) return;
        channels.delete(name);
        if (authenticated) send({ type: 'unsubscribe', channel: name });
      };
    },
    send,
    reauthenticate() {
      if (socket?.readyState === OPEN) authenticate();
      else connect();
    },
    reconnectNow() {
      attempt = 0;
      if (!socket) connect();
    },
    onReply(listener) {
      replyListeners.add(listener);
      return () => replyListeners.delete(listener);
    },
    get state() {
      return state;
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(retry);
      clearTimeout(stable);
      socket?.close(1000, 'closed');
      socket = undefined;
      setState('offline');
    },
  };
}
