import { type ClientFrame, clientFrame } from '@kupwara/shared';
import type { WebSocket } from 'ws';
import type { TokenSigner } from '../accounts/tokens';
import type { PositionIngest } from '../delivery/positions';
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
  positions: PositionIngest;
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
  const { db, hub, tokens, positions, metrics } = options;
  const sender = createFrameSender(socket, options);
  const fail = () => socket.terminate();
  const subscriptions = createSubscriptions({
    db,
    hub,
    sender,
    metrics,
    maxSubscriptions: options.maxSubscriptions,
    fail,
  });
  const authentication = createAuthentication({
    tokens,
    sender,
    timeoutMs: options.authTimeoutMs,
    close: (code, reason) => socket.close(code, reason),
    onSignedOut: () => subscriptions.dropAll(),
  });

  async function handle(frame: ClientFrame) {
    if (frame.type === 'ping') return sender.send({ type: 'pong' });
    if (frame.type === 'auth') return authentication.authenticate(frame.token);
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
  socket.on('close', () => {
    authentication.stop();
    void subscriptions.dropAll();
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
