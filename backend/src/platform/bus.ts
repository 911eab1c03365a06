import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

export type BusHandler = (message: unknown) => void;

/**
 * Publish/subscribe between API processes. Messages are JSON values; delivery is at most once
 * (anything that must not be lost goes through the database first and the bus only wakes readers).
 */
export interface Bus {
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is live; the returned function unsubscribes. */
  subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** One process: handlers run on the next tick, with a copy of the message as Redis would give. */
export function createMemoryBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(channel, message) {
      const payload = JSON.stringify(message);
      setImmediate(() => emitter.emit(channel, payload));
    },
    async subscribe(channel, handler) {
      const listener = (payload: string) => handler(JSON.parse(payload));
      emitter.on(channel, listener);
      return async () => {
        emitter.off(channel, listener);
      };
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Redis pub/sub. Publishes on the shared connection; listens on a duplicate of it, since a
 * subscribed Redis connection can do nothing else. The caller keeps owning `redis`.
 */
export function createRedisBus(redis: Redis, prefix = ''): Bus {
  const subscriber = redis.duplicate();
  const channels = new Map<string, { handlers: Set<BusHandler>; live: Promise<unknown> }>();

  subscriber.on('message', (prefixed: string, payload: string) => {
    const entry = channels.get(prefixed.slice(prefix.length));
    if (!entry) return;
    // Each handler gets its own copy, as with the in-process bus: none can change another's.
    for (const handler of entry.handlers) handler(JSON.parse(payload));
  });

  return {
    async publish(channel, message) {
      await redis.publish(prefix + channel, JSON.stringify(message));
    },
    async subscribe(channel, handler) {
      let entry = channels.get(channel);
      if (!entry) {
        entry = { handlers: new Set(), live: subscriber.subscribe(prefix + channel) };
        channels.set(channel, entry);
      }
      entry.handlers.add(handler);
      await entry.live;
      return async () => {
        const current = channels.get(channel);
        if (!current?.handlers.delete(handler) || current.handlers.size > 0) return;
        channels.delete(channel);
        await subscriber.unsubscribe(prefix + channel);
      };
    },
    async close() {
      channels.clear();
      await subscriber.quit();
    },
  };
}
