import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRedisBus } from './bus';
import { createRedisCache } from './cache';
import { trackOutage } from './outage';
import { connectRedis, redisOptions } from './platform';

const redisUrl = process.env.REDIS_URL;

// Redis away (nothing listens on port 1): what the API does with the cache and the bus meanwhile.
const opened: Redis[] = [];
afterEach(() => {
  for (const redis of opened.splice(0)) redis.disconnect();
});

function unreachable() {
  const redis = new Redis('redis://127.0.0.1:1', { ...redisOptions, lazyConnect: true, retryStrategy: () => 50 });
  opened.push(redis);
  const said: string[] = [];
  const outage = trackOutage('Redis', { warn: (message) => said.push(message), info: (message) => said.push(message) });
  redis.on('error', (error) => outage.failed(error));
  return { redis, outage, said };
}

describe('Redis down', () => {
  it('makes every cache read a miss and every write a no-op, said once, not once a call', async () => {
    const { redis, outage, said } = unreachable();
    const cache = createRedisCache(redis, 'cache:', outage);
    for (let i = 0; i < 5; i += 1) {
      expect(await cache.get('stores:34.53:74.25')).toBeUndefined();
      await cache.set('stores:34.53:74.25', [{ id: 'a' }], 60);
      await cache.del('stores:34.53:74.25');
    }
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Redis is unavailable \(.+\): carrying on without it$/);
    expect(outage.isDown()).toBe(true);
  });

  it('throws from getStrict, for the reads that must not fail open (is this login revoked?)', async () => {
    const { redis, outage } = unreachable();
    const cache = createRedisCache(redis, 'cache:', outage);
    await expect(cache.getStrict('revoked-login:x')).rejects.toThrow();
    expect(outage.isDown()).toBe(true);
  });

  it('does not fail the request that publishes (the database has what it says)', async () => {
    const { redis, outage, said } = unreachable();
    const bus = createRedisBus(redis, 'test:', outage);
    await expect(bus.publish('order.x', { type: 'event' })).resolves.toBeUndefined();
    await expect(bus.publish('order.x', { type: 'event' })).resolves.toBeUndefined();
    expect(said).toHaveLength(1);
    await bus.close().catch(() => undefined);
  });

  it.runIf(redisUrl)('publishes what it could not once Redis is back', async () => {
    const prefix = `test:${randomUUID()}:`;
    const listening = await connectRedis(redisUrl ?? '');
    opened.push(listening);
    const listener = createRedisBus(listening, prefix);
    const received: unknown[] = [];
    await listener.subscribe('order.x', (message) => received.push(message));
    // Not connected yet: the first publish fails (and starts connecting), the second waits behind it.
    const late = new Redis(redisUrl ?? '', { ...redisOptions, lazyConnect: true });
    opened.push(late);
    late.on('error', () => {});
    const { outage, said } = unreachable();
    const bus = createRedisBus(late, prefix, outage);
    await bus.publish('order.x', { seq: 1 });
    expect(said).toHaveLength(1);
    await vi.waitFor(() => expect(received).toEqual([{ seq: 1 }]), { timeout: 5000 });
    await bus.publish('order.x', { seq: 2 });
    await vi.waitFor(() => expect(received).toEqual([{ seq: 1 }, { seq: 2 }]), { timeout: 5000 });
    await Promise.all([listener.close(), bus.close()]);
  });

  it('says when Redis is back, and how long it was away', () => {
    const said: string[] = [];
    const outage = trackOutage('Redis', {
      warn: (message) => said.push(message),
      info: (message) => said.push(message),
    });
    outage.recovered();
    expect(said).toEqual([]);
    outage.failed(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    outage.failed(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    outage.recovered();
    expect(said).toHaveLength(2);
    expect(said[1]).toMatch(/^Redis is back after \d+ ms$/);
    expect(outage.isDown()).toBe(false);
  });
});
