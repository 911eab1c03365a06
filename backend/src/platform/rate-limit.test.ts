import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from './platform';
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from './rate-limit';

const redisUrl = process.env.REDIS_URL;
let redis: Redis | undefined;
beforeAll(async () => {
  if (redisUrl) redis = await connectRedis(redisUrl);
});
afterAll(async () => {
  await redis?.quit();
});

const kinds: { name: string; enabled: boolean; make: () => RateLimiter }[] = [
  { name: 'in-process', enabled: true, make: () => createMemoryRateLimiter() },
  {
    name: 'Redis',
    enabled: Boolean(redisUrl),
    make: () => {
      if (!redis) throw new Error('Redis not connected');
      return createRedisRateLimiter(redis, `test:${randomUUID()}:`);
    },
  },
];

describe.each(kinds)('$name rate limiter', ({ enabled, make }) => {
  it.runIf(enabled)('allows up to the limit in a window, then refuses with the time left', async () => {
    const limiter = make();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit('login:+919876543210', 3, 60));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterSeconds).toBeGreaterThan(55);
    expect(results[3]?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it.runIf(enabled)('counts keys apart', async () => {
    const limiter = make();
    await limiter.hit('a', 1, 60);
    expect((await limiter.hit('a', 1, 60)).allowed).toBe(false);
    expect((await limiter.hit('b', 1, 60)).allowed).toBe(true);
  });

  it.runIf(enabled)('starts a new window when the old one ends', async () => {
    const limiter = make();
    await limiter.hit('short', 1, 0.2);
    expect((await limiter.hit('short', 1, 0.2)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await limiter.hit('short', 1, 0.2)).allowed).toBe(true);
  });

  it.runIf(enabled)('counts every one of many attempts at once exactly once', async () => {
    const limiter = make();
    const results = await Promise.all(Array.from({ length: 50 }, () => limiter.hit('burst', 20, 60)));
    expect(results.filter((r) => r.allowed)).toHaveLength(20);
  });
});
