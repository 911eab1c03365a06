import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { connectRedis } from '../src/platform/platform';
import { quitRedis } from '../src/platform/redis-quit';

/**
 * The in-process and Redis implementations of one platform interface, for one suite to run
 * against both (Redis only when REDIS_URL is set; each Redis one gets its own key prefix).
 */
export function bothImplementations<T>(memory: () => T, redis: (client: Redis, prefix: string) => T) {
  const url = process.env.REDIS_URL;
  let client: Redis | undefined;
  beforeAll(async () => {
    if (url) client = await connectRedis(url);
  });
  afterAll(async () => {
    if (client) await quitRedis(client);
  });
  return [
    { name: 'in-process', enabled: true, make: memory },
    {
      name: 'Redis',
      enabled: Boolean(url),
      make: () => {
        if (!client) throw new Error('Redis not connected');
        return redis(client, `test:${randomUUID()}:`);
      },
    },
  ];
}
