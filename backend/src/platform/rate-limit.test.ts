import { describe, expect, it } from 'vitest';
import { bothImplementations } from '../../test/implementations';
import { createMemoryRateLimiter, createRedisRateLimiter } from './rate-limit';

const kinds = bothImplementations(
  () => createMemoryRateLimiter(),
  (client, prefix) => createRedisRateLimiter(client, prefix),
);

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
