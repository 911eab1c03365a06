import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Outage } from './outage';
import { quitRedis } from './redis-quit';

export type BusHandler = (message: unknown) => void;

/**
 * Publish/subscribe between API processes. Messages are JSON values; one may be lost, or after a
 * Redis outage come late or twice (anything that must not be lost goes through the database first
 * and the bus only wakes readers, who drop copies).
 */
export interface Bus {
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is live; the returned function unsubscribes. */
  subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>>;
  /**
   * Calls `handler` each time the bus is back after an outage, once its subscriptions are live
   * again: what was published meanwhile is lost, and readers fill the gap from the database.
   */
  onResumed(handler: () => void): () => void;
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
    // Nothing between publisher and subscriber can fail in one process.
    onResumed: () => () => {},
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/** Enough for a town's orders over a minute's outage; older ones are left to readers' gap filling. */
const MAX_UNSENT = 5000;

/**
 * Redis pub/sub. Publishes on the shared connection; listens on a duplicate of it, since a
 * subscribed Redis connection can do nothing else. The caller keeps owning `redis`.
 * While Redis is down a publish does not fail (the database already holds what it announces): it
 * is sent once Redis is back; a subscription waits for Redis to come back rather than failing.
 */
export function createRedisBus(redis: Redis, prefix = '', outage?: Outage): Bus {
  // Subscriptions wait for Redis however long it is away (the shared connection's options fail fast).
  const subscriber = redis.duplicate({
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    commandTimeout: undefined,
  });
  const channels = new Map<string, { handlers: Set<BusHandler>; live: Promise<unknown> }>();
  const resumed = new Set<() => void>();
  let lost = false;

  // Errors also reach the shared connection, whose listener reports the outage once.
  subscriber.on('error', () => {});
  subscriber.on('close', () => {
    lost = true;
  });
  subscriber.on('ready', () => {
    if (!lost) return;
    lost = false;
    // ioredis subscribes again by itself; this waits for Redis to confirm it, so that a reader
    // catching up from the database afterwards cannot miss what is published in between.
    const names = [...channels.keys()].map((channel) => prefix + channel);
    const live = names.length > 0 ? subscriber.subscribe(...names) : Promise.resolve();
    live.then(
      () => {
        for (const handler of resumed) handler();
      },
      () => {
        lost = true;
      },
    );
  });

  // What could not be published waits here (the newest few, in order) and goes out once the
  // shared connection is back: another process may have caught up from the database before this
  // one could publish again, and would otherwise never hear of what was recorded in between.
  // Readers drop copies and fill gaps by sequence number, so a late message does no harm.
  const unsent: { channel: string; payload: string }[] = [];
  let resending = false;
  async function resend() {
    if (resending) return;
    resending = true;
    try {
      for (let next = unsent[0]; next; next = unsent[0]) {
        await redis.publish(next.channel, next.payload);
        unsent.shift();
      }
    } catch (error) {
      outage?.failed(error);
    } finally {
      resending = false;
    }
  }
  const onReady = () => void resend();
  redis.on('ready', onReady);

  subscriber.on('message', (prefixed: string, payload: string) => {
    const entry = channels.get(prefixed.slice(prefix.length));
    if (!entry) return;
    // Each handler gets its own copy, as with the in-process bus: none can change another's.
    for (const handler of entry.handlers) handler(JSON.parse(payload));
  });

  return {
    async publish(channel, message) {
      const payload = JSON.stringify(message);
      try {
        await redis.publish(prefix + channel, payload);
      } catch (error) {
        outage?.failed(error);
        unsent.push({ channel: prefix + channel, payload });
        if (unsent.length > MAX_UNSENT) unsent.shift();
      }
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
        // Failing to unsubscribe is harmless (messages for a channel nobody hears are dropped) and
        // happens as the process shuts down: a socket closing as the connection quits.
        await subscriber.unsubscribe(prefix + channel).catch(() => undefined);
      };
    },
    onResumed(handler) {
      resumed.add(handler);
      return () => resumed.delete(handler);
    },
    async close() {
      channels.clear();
      resumed.clear();
      redis.off('ready', onReady);
      await quitRedis(subscriber);
    },
  };
}
