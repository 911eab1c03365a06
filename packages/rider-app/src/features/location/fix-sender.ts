import type { LocationBatchResult, PositionPoint } from '@kupwara/shared';
import { ApiError, type RealtimeClient } from '@kupwara/shared/client';
import type { FixBuffer } from './fix-buffer';

/** The socket's `locations` frame takes 100 fixes at most; a longer backlog goes over HTTP. */
export const SOCKET_BATCH = 100;
/** `POST /rider/locations` takes 500 at most. */
export const HTTP_BATCH = 500;
/** A socket that has not answered by then is taken as gone: the same fixes go over HTTP (the server keeps a repeat once). */
export const ACK_WITHIN_MS = 5000;
/** After a failed send with the network up (the server restarting), the next try. */
export const RETRY_AFTER_MS = 15_000;

export interface FixSenderDeps {
  buffer: FixBuffer;
  socket: Pick<RealtimeClient, 'state' | 'send' | 'onReply'>;
  http(points: PositionPoint[]): Promise<LocationBatchResult>;
  /** Whether the phone has a network now. */
  networkUp(): boolean;
  newRef(): string;
  now?: () => number;
  ackWithinMs?: number;
}

export interface FixSender {
  /** Sends what waits, oldest first, until nothing does or nothing can go now. */
  flush(): Promise<void>;
  /** When the server last answered for sent fixes (ms since epoch), null before the first. */
  lastSentAt(): number | null;
  subscribe(listener: () => void): () => void;
  close(): void;
}

/** A refusal no repeat would change (bad fixes): the batch is dropped rather than block those after it. */
const refusedForGood = (error: unknown) =>
  error instanceof ApiError && !error.transient && error.status !== 401 && error.status !== 403;

/**
 * Sends the buffered fixes, oldest first, and drops each batch only once the server has answered
 * for it: over the socket when it is up and the backlog is short, over HTTP in batches of 500
 * otherwise (or when the socket does not answer), and not at all with no network (they wait).
 */
export function createFixSender(deps: FixSenderDeps): FixSender {
  const { buffer, socket, http, networkUp, newRef, now = Date.now, ackWithinMs = ACK_WITHIN_MS } = deps;
  const listeners = new Set<() => void>();
  let lastSentAt: number | null = null;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const answered = (batch: readonly PositionPoint[]) => {
    buffer.remove(batch);
    lastSentAt = now();
    for (const listener of listeners) listener();
  };

  const overSocket = (points: PositionPoint[]) =>
    new Promise<boolean>((resolve) => {
      const ref = newRef();
      const done = (saved: boolean) => {
        stop();
        clearTimeout(timer);
        resolve(saved);
      };
      const stop = socket.onReply((frame) => {
        if (frame.ref === ref) done(frame.type === 'locations_saved');
      });
      const timer = setTimeout(() => done(false), ackWithinMs);
      if (!socket.send({ type: 'locations', ref, points })) done(false);
    });

  /** Sends the oldest batch; says whether to go on. */
  async function sendOldest(): Promise<boolean> {
    const waiting = buffer.count();
    if (waiting === 0 || closed) return false;
    if (socket.state === 'online' && waiting <= SOCKET_BATCH) {
      const batch = buffer.oldest(SOCKET_BATCH);
      if (await overSocket([...batch])) {
        answered(batch);
        return true;
      }
    }
    if (!networkUp()) return false;
    const batch = buffer.oldest(HTTP_BATCH);
    try {
      await http([...batch]);
      answered(batch);
      return true;
    } catch (error) {
      if (refusedForGood(error)) {
        buffer.remove(batch);
        return true;
      }
      clearTimeout(retry);
      retry = setTimeout(() => void flush(), RETRY_AFTER_MS);
      return false;
    }
  }

  function flush(): Promise<void> {
    if (running) {
      // A fix came while a batch was on its way: go round once more when it is done.
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        while (await sendOldest());
      } while (again && !closed);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    flush,
    lastSentAt: () => lastSentAt,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(retry);
    },
  };
}
