import path from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import { type Bus, createMemoryBus, createRedisBus } from './bus';
import { type Cache, createMemoryCache, createRedisCache } from './cache';
import type { Config } from './config';
import { type Database, openPglite, openPostgres } from './db';
import { createS3Storage } from './media/s3-storage';
import { createFileStorage, type MediaStorage } from './media/storage';
import { consoleOutageLog, type OutageLog, trackOutage } from './outage';
import { quitRedis } from './redis-quit';

/** The shared services every module is given: what differs between embedded and production lives here. */
export interface Platform {
  database: Database;
  bus: Bus;
  cache: Cache;
  /** Uploaded images: an S3-compatible bucket, or files under DATA_DIR/media served at /media. */
  media: MediaStorage;
  /** Set when images are files this app serves. */
  mediaDir: string | undefined;
  /** Present when REDIS_URL is set. */
  redis: Redis | undefined;
  /** Prefix of this deployment's keys and channels in Redis. */
  namespace: string;
  /** Whether each dependency needed to serve requests answers (within a couple of seconds). */
  checks(): Promise<Record<'database' | 'redis', CheckStatus>>;
  close(): Promise<void>;
}

export type CheckStatus = 'ok' | 'failing' | 'disabled';

async function probe(check: () => Promise<unknown>, timeoutMs = 2000): Promise<CheckStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch {
    return 'failing';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * While Redis is down a command fails at once instead of waiting in a queue, so a request that
 * uses the cache carries on without it rather than hanging; one that Redis holds without
 * answering gives up after commandTimeout.
 */
export const redisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 2000,
  // Reconnecting at most a second apart: the cache and cross-process events come back within a
  // second of Redis (ioredis' default waits up to two).
  retryStrategy: (attempts: number) => Math.min(attempts * 100, 1000),
} as const satisfies RedisOptions;

export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { ...redisOptions, lazyConnect: true });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Cannot connect to Redis at ${new URL(url).host} (REDIS_URL): ${(error as Error).message}`);
  }
  return redis;
}

export interface PlatformOptions {
  /** An already open database (tests pass a fresh clone of a migrated template). */
  database?: Database;
  /** Prefix for Redis keys and channels, so several deployments (or test files) can share one Redis. */
  namespace?: string;
  /** Where Redis outages are reported (once each): the console unless given. */
  log?: OutageLog;
}

/** Builds the platform from config: embedded PGlite and in-process bus/cache unless URLs say otherwise. */
export async function createPlatform(
  config: Pick<Config, 'databaseUrl' | 'redisUrl' | 'dataDir'> & Partial<Pick<Config, 'mediaS3' | 'databasePoolSize'>>,
  { database, namespace = '', log = consoleOutageLog }: PlatformOptions = {},
): Promise<Platform> {
  const redis = config.redisUrl ? await connectRedis(config.redisUrl) : undefined;
  let db: Database;
  try {
    db =
      database ??
      (config.databaseUrl
        ? await openPostgres(config.databaseUrl, config.databasePoolSize)
        : await openPglite({ dataDir: config.dataDir }));
  } catch (error) {
    redis?.disconnect();
    throw error;
  }
  const outage = trackOutage('Redis', log);
  // ioredis reconnects by itself; without a listener each failed attempt would be printed.
  redis?.on('error', (error) => outage.failed(error));
  redis?.on('ready', () => outage.recovered());
  const bus = redis ? createRedisBus(redis, namespace, outage) : createMemoryBus();
  const cache = redis ? createRedisCache(redis, `${namespace}cache:`, outage) : createMemoryCache();
  const mediaDir = config.mediaS3 ? undefined : path.join(config.dataDir, 'media');

  return {
    database: db,
    bus,
    cache,
    media: config.mediaS3 ? createS3Storage(config.mediaS3) : createFileStorage(mediaDir ?? ''),
    mediaDir,
    redis,
    namespace,
    async checks() {
      const [database, cache] = await Promise.all([
        probe(() => db.ping()),
        redis ? probe(() => redis.ping()) : ('disabled' as const),
      ]);
      return { database, redis: cache };
    },
    async close() {
      await bus.close();
      if (redis) await quitRedis(redis);
      await db.close();
    },
  };
}
