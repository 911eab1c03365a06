import { randomUUID } from 'node:crypto';
import { type ClientFrame, clientFrame } from '@kupwara/shared';
import type { WebSocket } from 'ws';
import type { RevokedLogins } from '../accounts/revoked-logins';
import type { TokenSigner } from '../accounts/tokens';
import type { PositionIngest } from '../delivery/positions';
import type { Presence } from '../notifications/presence';
import type { Db } from '../platform/db';
import { createAuthentication } from './authentication';
import { createFrameSender, type FrameSender } from './frame-sender';
import type { Hub } from './hub';
import { saveRiderLocations } from './rider-locations';
import { createSubscriptions, type SubscriptionsOptions } from './subscriptions';

export interface ConnectionOptions {
  db: Db;
  hub: Hub;
  tokens: TokenSigner;
  revokedLogins: RevokedLogins;
  /** Calls the listener with the logins ended anywhere from now on; the result stops it. */
  onLoginsRevoked(listener: (sessionIds: readonly string[]) => void): () => void;
  positions: PositionIngest;
  /** Who has a live socket (a rider without one is texted their offers). */
  presence: Presence;
  /** A socket that has not authenticated this long after opening (or after its token expired) is closed. */
  authTimeoutMs: number;
  /** A client this far behind (bytes queued to it) is dropped rather than slowing others; it will resume. */
  maxBufferedBytes: number;
  maxSubscriptions: number;
  metrics: ConnectionMetrics;
}

export type ConnectionMetrics = SubscriptionsOptions['metrics'] & { frameIn(): void; frameOut(): void };

/**
 * One client's socket: its frames are read and answered one at a time, in the order they came,
 * by its authentication, its subscriptions and (a rider's) its locations.
 */
export function serveConnection(socket: WebSocket, options: ConnectionOptions): void {
  const { db, hub, tokens, positions, presence, metrics } = options;
  const sender = createFrameSender(socket, options);
  const fail = () => socket.terminate();
  const socketId = randomUUID();
  // The person this socket counts as connected for: whoever it is signed in as, until it closes.
  let present: string | undefined;
  let closed = false;
  async function presentAs(userId: string | undefined) {
    const before = present;
    present = closed ? undefined : userId;
    try {
      if (before && before !== present) await presence.gone(before, socketId);
      if (present) await presence.seen(present, socketId);
    } catch {
      // Presence only decides whether an offer is texted too: a cache error must not drop the socket.
    }
  }
  const subscriptions = createSubscriptions({
    db,
    hub,
    sender,
    metrics,
    maxSubscriptions: options.maxSubscriptions,
    fail,
  });
  const stopResuming = hub.onResumed(() => subscriptions.resume());
  const authentication = createAuthentication({
    tokens,
    revokedLogins: options.revokedLogins,
    sender,
    timeoutMs: options.authTimeoutMs,
    close: (code, reason) => socket.close(code, reason),
    onSignedOut: async () => {
      await Promise.all([subscriptions.dropAll(), presentAs(undefined)]);
    },
  });

  async function handle(frame: ClientFrame) {
    if (frame.type === 'ping') {
      sender.send({ type: 'pong' });
      return presentAs(present);
    }
    if (frame.type === 'auth') {
      await authentication.authenticate(frame.token);
      return presentAs(authentication.user()?.id);
    }
    const user = authentication.user();
    if (!user) return sender.refuse('UNAUTHENTICATED', 'authenticate first: {"type":"auth","token":"…"}');
    if (frame.type === 'subscribe') return subscriptions.subscribe(frame, user);
    if (frame.type === 'locations') return saveRiderLocations({ positions, sender }, frame, user);
    return subscriptions.unsubscribe(frame.channel);
  }

  let handling = Promise.resolve();
  socket.on('message', (data, isBinary) => {
    metrics.frameIn();
    const frame = readFrame(data.toString(), isBinary, sender);
    if (frame) handling = handling.then(() => handle(frame)).catch(fail);
  });
  // In turn with the frames: an auth frame being checked as its login ends is signed out after it.
  const stopHearing = options.onLoginsRevoked((sessionIds) => {
    handling = handling.then(() => authentication.revoked(sessionIds)).catch(fail);
  });
  // The server's heartbeat answered: still connected.
  socket.on('pong', () => void presentAs(present));
  socket.on('close', () => {
    closed = true;
    stopResuming();
    stopHearing();
    authentication.stop();
    // Nobody is left to tell: leaving the channels can only fail as the bus shuts down.
    subscriptions.dropAll().catch(() => undefined);
    void presentAs(undefined);
  });
}

/** The client's frame, or undefined once it has been told why not (BAD_FRAME). */
function readFrame(text: string, isBinary: boolean, sender: FrameSender): ClientFrame | undefined {
  const refusal = (why: string) => {
    sender.refuse('BAD_FRAME', why);
    return undefined;
  };
  if (isBinary) return refusal('send JSON in text frames');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refusal('not JSON');
  }
  const frame = clientFrame.safeParse(parsed);
  if (frame.success) return frame.data;
  const issue = frame.error.issues[0];
  return refusal(`${issue?.path.join('.') || 'frame'}: ${issue?.message ?? 'not a frame'}`);
}
