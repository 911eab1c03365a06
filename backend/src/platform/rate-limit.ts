import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

/** Fixed-window counters: `hit` counts one attempt against `key` and says whether it is within `limit`. */
export interface RateLimiter {
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
}

const result = (count: number, limit: number, remainingMs: number): RateLimitResult => ({
  allowed: count <= limit,
  retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)),
});

export function createMemoryRateLimiter(maxKeys = 100_000): RateLimiter {
  const windows = new LRUCache<string, { count: number; resetAt: number }>({ max: maxKeys });
  return {
    async hit(key, limit, windowSeconds) {
      const now = Date.now();
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowSeconds * 1000 };
        windows.set(key, window);
      }
      window.count += 1;
      return result(window.count, limit, window.resetAt - now);
    },
  };
}

// INCR and the first PEXPIRE in one step, so a crash between them cannot leave a counter that never expires.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

/** Shared by every API process, so a limit holds however many there are. */
export function createRedisRateLimiter(redis: Redis, prefix = 'ratelimit:'): RateLimiter {
  return {
    async hit(key, limit, windowSeconds) {
      const [count, ttlMs] = (await redis.eval(HIT, 1, prefix + key, windowSeconds * 1000)) as [number, number];
      return result(count, limit, ttlMs);
    },
  };
}
