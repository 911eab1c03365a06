import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { createPlatform, type Platform } from '../src/platform/platform';
import { openTestDatabase } from './databases';

export interface TestApp {
  app: FastifyInstance;
  platform: Platform;
}

/**
 * The real app on a fresh database, with Redis when REDIS_URL is set (namespaced so test files
 * sharing one Redis never see each other's keys or messages). Close with `app.close()`.
 */
export async function makeTestApp(): Promise<TestApp> {
  const platform = await createPlatform(
    { databaseUrl: undefined, redisUrl: process.env.REDIS_URL, dataDir: '' },
    { database: await openTestDatabase(), namespace: `test:${randomUUID()}:` },
  );
  const app = await buildApp({ config: { env: 'test', logLevel: 'silent' }, platform, webApps: [] });
  return { app, platform };
}
