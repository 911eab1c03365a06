import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Outage } from './outage';

/** A JSON value cache with a time to live. Misses return undefined; writes replace. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  /**
   * Like get, but a store that cannot answer throws instead of reading as a miss: for the few reads
   * where a miss would fail open (is this login revoked?).
   */
  getStrict<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
}

export function createMemoryCache(maxEntries = 10_000): Cache {
  // Values are stored serialized so a caller mutating what it got back cannot change the cache.
  const entries = new LRUCache<string, string>({ max: maxEntries });
  const get = async <T>(key: string) => {
    const raw = entries.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  };
  return {
    get,
    getStrict: get,
    async set(key, value, ttlSeconds) {
      entries.set(key, JSON.stringify(value), { ttl: ttlSeconds * 1000 });
    },
    async del(...keys) {
      for (const key of keys) entries.delete(key);
    },
  };
}

/**
 * A cache on Redis that Redis being down cannot break: a read that fails is a miss and a write
 * that fails does nothing. A write that failed may have been an invalidation (a delete, a new
 * generation), so once Redis is back every key under `prefix` is dropped rather than served stale.
 */
export function createRedisCache(redis: Redis, prefix = 'cache:', outage?: Outage): Cache {
  let missedWrites = false;
  const failed = (error: unknown) => outage?.failed(error);
  redis.on('ready', () => {
    if (!missedWrites) return;
    missedWrites = false;
    void dropAll(redis, prefix).catch((error) => {
      missedWrites = true;
      failed(error);
    });
  });
  const write = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      missedWrites = true;
      failed(error);
    }
  };
  // A failed read is reported to the outage, then thrown: get takes it as a miss, getStrict passes it on.
  const readRaw = (key: string) =>
    redis.get(prefix + key).catch((error: unknown) => {
      failed(error);
      throw error;
    });
  const parse = <T>(raw: string | null) => (raw === null ? undefined : (JSON.parse(raw) as T));
  return {
    get: async <T>(key: string) => parse<T>(await readRaw(key).catch(() => null)),
    getStrict: async <T>(key: string) => parse<T>(await readRaw(key)),
    set: (key, value, ttlSeconds) =>
      write(() => redis.set(prefix + key, JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlSeconds * 1000)))),
    async del(...keys) {
      if (keys.length > 0) await write(() => redis.del(...keys.map((key) => prefix + key)));
    },
  };
}

async function dropAll(redis: Redis, prefix: string) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/** A short cache key for a value, such as a query: equal values (with their keys in the same order) share it. */
export const keyDigest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** The cached value under `key`, or what `load` gives (then cached for `ttlSeconds`). */
export async function remember<T>(cache: Cache, key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  const hit = await cache.get<T>(key);
  if (hit !== undefined) return hit;
  const value = await load();
  await cache.set(key, value, ttlSeconds);
  return value;
}

const GENERATION_TTL_SECONDS = 24 * 60 * 60;

/**
 * Cache generations: values cached under a generation are read only while it is current, so one
 * write makes every one of them invisible at once (no key listing, and a slow reader that stores
 * an old value stores it under a generation nobody reads any more).
 */
export async function generation(cache: Cache, name: string): Promise<string> {
  const current = await cache.get<string>(`gen:${name}`);
  if (current) return current;
  const fresh = randomUUID();
  await cache.set(`gen:${name}`, fresh, GENERATION_TTL_SECONDS);
  return fresh;
}

export async function bumpGeneration(cache: Cache, name: string): Promise<void> {
  await cache.set(`gen:${name}`, randomUUID(), GENERATION_TTL_SECONDS);
}

/** At most this long (ms) in a process's memory, so a change no generation tracks still shows within a cached value's TTL and this. */
const MADE_MS = 10_000;
const MAX_MADE = 1000;

/**
 * Answers made from cached values (their JSON text, say), kept in this process under the cached
 * value's key (generation included) until `until` or a few seconds: a repeat of a popular read
 * skips reading, parsing and serializing the value again.
 */
export function madeAnswers<T>() {
  const made = new Map<string, { value: T; until: number }>();
  return {
    get(key: string, now: Date): T | undefined {
      const known = made.get(key);
      return known && now.getTime() < known.until ? known.value : undefined;
    },
    set(key: string, value: T, now: Date, until = Number.POSITIVE_INFINITY): void {
      // Keys come and go (random points, other pages): forgetting them all at once keeps this bounded and simple.
      if (made.size >= MAX_MADE) made.clear();
      made.set(key, { value, until: Math.min(until, now.getTime() + MADE_MS) });
    },
  };
}
