import {
  type ClientFrame,
  clientFrame,
  type OrderEvent,
  type ServerFrame,
  type TrackingPosition,
} from '@kupwara/shared';
import type { WebSocket } from 'ws';
import type { AuthUser, TokenSigner } from '../accounts/tokens';
import type { PositionIngest } from '../delivery/positions';
import { latestPosition } from '../delivery/tracking';
import { eventsAfter } from '../orders/order-queries';
import type { Db } from '../platform/db';
import { mayFollow } from './channels';
import type { Hub, Listener } from './hub';

export interface ConnectionOptions {
  db: Db;
  hub: Hub;
  tokens: TokenSigner;
  positions: PositionIngest;
  /** A socket that has not authenticated this long after opening (or after its token expired) is closed. */
  authTimeoutMs: number;
  /** A client this far behind (bytes queued to it) is dropped rather than slowing others; it will resume. */
  maxBufferedBytes: number;
  maxSubscriptions: number;
  metrics: ConnectionMetrics;
}

export interface ConnectionMetrics {
  frameIn(): void;
  frameOut(): void;
  /** Seconds from an event being recorded to its frame leaving for this socket. */
  fanOut(seconds: number): void;
  subscriptions(change: 1 | -1): void;
}

/** Close codes of our own (4000–4999). */
export const CLOSE = { authTimeout: 4401, tooSlow: 4408 } as const;

// The hub hands one event object to every socket on a channel: it is serialized once for all of them.
const serialized = new WeakMap<OrderEvent, string>();
function eventFrame(channel: string, event: OrderEvent): string {
  let text = serialized.get(event);
  if (!text) {
    text = JSON.stringify({ type: 'event', channel, seq: event.seq, event } satisfies ServerFrame);
    serialized.set(event, text);
  }
  return text;
}

interface Subscription {
  listener: Listener;
  /** The newest sequence number sent, per order (one order on an order channel, many on a store's or rider's). */
  sent: Map<string, number>;
  /** Deliveries happen one after another, so a replay and live events never interleave. */
  queue: Promise<void>;
  /** When the newest position sent was recorded. */
  positionAt?: string;
}

/** One client's socket: authentication, its subscriptions, and the gap-free delivery of each. */
export function serveConnection(socket: WebSocket, options: ConnectionOptions): void {
  const { db, hub, tokens, positions, metrics } = options;
  const subscriptions = new Map<string, Subscription>();
  let user: (AuthUser & { expiresAt: Date }) | undefined;
  let authDeadline: NodeJS.Timeout | undefined;
  let expiry: NodeJS.Timeout | undefined;

  const send = (frame: ServerFrame | string) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > options.maxBufferedBytes) {
      socket.close(CLOSE.tooSlow, 'too far behind: reconnect and resume');
      return;
    }
    socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    metrics.frameOut();
  };
  const refuse = (code: Extract<ServerFrame, { type: 'error' }>['code'], message: string, channel?: string) =>
    send({ type: 'error', code, message, ...(channel ? { channel } : {}) });

  const awaitAuth = () => {
    clearTimeout(authDeadline);
    authDeadline = setTimeout(() => socket.close(CLOSE.authTimeout, 'authenticate first'), options.authTimeoutMs);
  };
  awaitAuth();

  async function dropAll() {
    const all = [...subscriptions.entries()];
    subscriptions.clear();
    for (const [channel, subscription] of all) {
      metrics.subscriptions(-1);
      await hub.leave(channel, subscription.listener);
    }
  }

  function deliver(channel: string, subscription: Subscription, event: OrderEvent) {
    const last = subscription.sent.get(event.order_id);
    // A broadcast may come twice (side effects run at least once): the sequence number drops the copy.
    if (last !== undefined && event.seq <= last) return;
    subscription.sent.set(event.order_id, event.seq);
    metrics.fanOut((Date.now() - Date.parse(event.recorded_at)) / 1000);
    send(eventFrame(channel, event));
  }

  function deliverPosition(channel: string, subscription: Subscription, position: TrackingPosition) {
    // Positions may overtake each other on the way: an older one than the last sent is dropped.
    if (subscription.positionAt !== undefined && position.recorded_at <= subscription.positionAt) return;
    subscription.positionAt = position.recorded_at;
    send({ type: 'position', channel, position });
  }

  /** Events of an order from the database, after what this subscription last sent. */
  async function catchUp(channel: string, subscription: Subscription, orderId: string) {
    const { events } = await eventsAfter(db, orderId, subscription.sent.get(orderId) ?? 0);
    for (const event of events) if (subscriptions.get(channel) === subscription) deliver(channel, subscription, event);
  }

  async function subscribe(frame: Extract<ClientFrame, { type: 'subscribe' }>, caller: AuthUser) {
    const { channel, since } = frame;
    if (subscriptions.has(channel)) return send({ type: 'subscribed', channel });
    if (subscriptions.size >= options.maxSubscriptions) {
      return refuse('TOO_MANY_SUBSCRIPTIONS', `follow at most ${options.maxSubscriptions} channels`, channel);
    }
    if (!(await mayFollow(db, caller, channel))) return refuse('FORBIDDEN', 'not your channel', channel);
    // The socket may have closed (and dropped its subscriptions) while the database answered.
    if (socket.readyState !== socket.OPEN || subscriptions.has(channel)) return;
    const [kind, id = ''] = channel.split('.');
    const subscription: Subscription = { listener: () => {}, sent: new Map(), queue: Promise.resolve() };
    const enqueue = (work: () => Promise<void> | void) => {
      subscription.queue = subscription.queue.then(work).catch(() => socket.terminate());
    };
    subscription.listener = (message) =>
      enqueue(() => {
        if ('type' in message) {
          if (message.type === 'offer') return send({ type: 'offer', channel, offer: message.offer });
          return deliverPosition(channel, subscription, message.position);
        }
        const event = message;
        const last = subscription.sent.get(event.order_id);
        // A gap (an event lost or late on the bus) is filled from the database, in order.
        if (kind === 'order' && last !== undefined && event.seq > last + 1) return catchUp(channel, subscription, id);
        deliver(channel, subscription, event);
      });
    subscriptions.set(channel, subscription);
    metrics.subscriptions(1);
    // Listening starts now; the replay is first in the queue and reads the database only once the
    // bus subscription is live. An event committed before that read is in it, one committed after
    // comes through the bus, one in both is dropped by its sequence number: no gap, no duplicate.
    const joined = hub.join(channel, subscription.listener);
    enqueue(async () => {
      await joined;
      send({ type: 'subscribed', channel });
      if (kind !== 'order') return;
      const { events, lastSeq } = await eventsAfter(db, id, since);
      subscription.sent.set(id, since ?? lastSeq);
      for (const event of events) deliver(channel, subscription, event);
      // Positions are not history: only where the rider is now.
      const position = await latestPosition(db, id);
      if (position) deliverPosition(channel, subscription, position);
    });
  }

  async function unsubscribe(channel: string) {
    const subscription = subscriptions.get(channel);
    if (subscription) {
      subscriptions.delete(channel);
      metrics.subscriptions(-1);
      await hub.leave(channel, subscription.listener);
    }
    send({ type: 'unsubscribed', channel });
  }

  async function authenticate(token: string) {
    let verified: AuthUser & { expiresAt: Date };
    try {
      verified = await tokens.verify(token);
    } catch (error) {
      return refuse('UNAUTHENTICATED', (error as Error).message);
    }
    // Another account on the same socket starts from nothing.
    if (user && user.id !== verified.id) await dropAll();
    user = verified;
    clearTimeout(authDeadline);
    clearTimeout(expiry);
    expiry = setTimeout(
      () => {
        user = undefined;
        refuse('TOKEN_EXPIRED', 'send a fresh token ({"type":"auth"}) and subscribe again with since');
        void dropAll();
        awaitAuth();
      },
      Math.max(0, verified.expiresAt.getTime() - Date.now()),
    );
    send({ type: 'authenticated', user_id: verified.id, expires_at: verified.expiresAt.toISOString() });
  }

  async function handle(frame: ClientFrame) {
    if (frame.type === 'ping') return send({ type: 'pong' });
    if (frame.type === 'auth') return authenticate(frame.token);
    if (!user) return refuse('UNAUTHENTICATED', 'authenticate first: {"type":"auth","token":"…"}');
    if (frame.type === 'subscribe') return subscribe(frame, user);
    if (frame.type === 'locations') return saveLocations(frame, user);
    return unsubscribe(frame.channel);
  }

  function saveLocations({ ref, points }: Extract<ClientFrame, { type: 'locations' }>, caller: AuthUser) {
    if (caller.role !== 'rider') return refuse('FORBIDDEN', 'only riders send locations');
    // Not awaited: the next frames need not wait for the write (the answer carries the ref).
    positions.record(caller.id, points).then(
      (result) => send({ type: 'locations_saved', ref, ...result }),
      () => send({ type: 'error', code: 'LOCATIONS_NOT_SAVED', message: 'send these locations again', ref }),
    );
  }

  // Frames are handled one at a time, in the order they came.
  let handling = Promise.resolve();
  socket.on('message', (data, isBinary) => {
    metrics.frameIn();
    if (isBinary) return refuse('BAD_FRAME', 'send JSON in text frames');
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      return refuse('BAD_FRAME', 'not JSON');
    }
    const frame = clientFrame.safeParse(parsed);
    if (!frame.success) {
      const issue = frame.error.issues[0];
      return refuse('BAD_FRAME', `${issue?.path.join('.') || 'frame'}: ${issue?.message ?? 'not a frame'}`);
    }
    handling = handling.then(() => handle(frame.data)).catch(() => socket.terminate());
  });

  socket.on('close', () => {
    clearTimeout(authDeadline);
    clearTimeout(expiry);
    void dropAll();
  });
}
