import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { type AppConfig, buildApp } from '../src/app';
import { defaultDispatch } from '../src/delivery/dispatch';
import type { Database, QueryLog } from '../src/platform/db';
import type { WebApp } from '../src/platform/http/web-apps';
import type { S3StorageOptions } from '../src/platform/media/s3-storage';
import { createPlatform, type Platform } from '../src/platform/platform';
import { openTestDatabase } from './databases';
import { type FakeRazorpay, type FakeRazorpayOptions, startFakeRazorpay } from './fake-razorpay';

export interface TestApp {
  app: FastifyInstance;
  platform: Platform;
  config: AppConfig;
}

/**
 * The real app on a fresh database, with Redis when REDIS_URL is set (namespaced so test files
 * sharing one Redis never see each other's keys or messages). Close with `app.close()`.
 */
export interface TestAppOptions {
  log?: QueryLog;
  mediaS3?: S3StorageOptions;
  /** false: no job runner in the app, as if it had crashed (the test runs one itself). */
  runJobs?: boolean;
  /** Another API node on the same database and Redis namespace (default: a fresh database and namespace). */
  database?: Database;
  namespace?: string;
  /** Where the app's log lines go (set logLevel too: tests log nothing by default). */
  logStream?: DestinationStream;
  /** Web builds to serve, from `dir(name)` (default none: tests of the API need no apps). */
  web?: { apps: readonly WebApp[]; dir: (name: WebApp) => string };
}

export async function makeTestApp(
  overrides: Partial<AppConfig> = {},
  { log, mediaS3, runJobs, database, namespace = `test:${randomUUID()}:`, logStream, web }: TestAppOptions = {},
): Promise<TestApp> {
  const platform = await createPlatform(
    {
      databaseUrl: undefined,
      redisUrl: process.env.REDIS_URL,
      dataDir: await mkdtemp(path.join(tmpdir(), 'kupwara-test-')),
      mediaS3,
    },
    { database: database ?? (await openTestDatabase(log)), namespace },
  );
  const config: AppConfig = {
    env: 'test',
    logLevel: (process.env.TEST_LOG_LEVEL as AppConfig['logLevel']) ?? 'silent',
    trustProxy: false,
    authLimitPerIp: 100_000,
    authLimitPerAccount: 100_000,
    // Far above what any test sends: only the tests of the limits set low ones.
    writeLimitPerUser: 100_000,
    writeLimitPerIp: 100_000,
    corsOrigins: [],
    refreshReuseGraceMs: 20_000,
    orderAcceptTimeoutMs: 300_000,
    dispatchFrom: 'READY_FOR_PICKUP',
    dispatch: defaultDispatch,
    // Pushes are recorded, not sent, unless a test points them at its fake push service.
    push: { service: 'log', accessToken: undefined, url: 'http://127.0.0.1:9', receiptDelayMs: 900_000 },
    sms: undefined,
    smsFallbackAfterMs: 60_000,
    // Cash only, unless a test points payments at its fake gateway.
    payments: undefined,
    paymentTimeoutMs: 900_000,
    jwtSecret: randomBytes(32).toString('base64url'),
    ...overrides,
  };
  const app = await buildApp({
    config,
    platform,
    webApps: web?.apps ?? [],
    webBuildDir: web?.dir,
    runJobs,
    logStream,
  });
  return { app, platform, config };
}

export interface PaymentsTestApp extends TestApp {
  fake: FakeRazorpay;
  /** Where the fake posts its webhooks: the app, listening on 127.0.0.1. */
  webhookUrl: string;
  /** Whether the fake tells the app by webhook of what happens at it (off: every webhook is lost). */
  sendWebhooks(on: boolean): void;
  close(): Promise<void>;
}

/** The real app paying through a fake Razorpay on 127.0.0.1, listening so the fake's webhooks reach it. */
export async function makePaymentsTestApp(
  overrides: Partial<AppConfig> = {},
  options: TestAppOptions = {},
): Promise<PaymentsTestApp> {
  const keys: FakeRazorpayOptions = {
    keyId: 'rzp_test_kupwara',
    keySecret: randomBytes(16).toString('hex'),
    webhookSecret: randomBytes(16).toString('hex'),
  };
  const fake = await startFakeRazorpay(keys);
  const test = await makeTestApp(
    {
      payments: { gateway: 'razorpay', ...keys, apiUrl: fake.url, checkoutUrl: fake.checkoutUrl },
      ...overrides,
    },
    options,
  );
  const base = await test.app.listen({ port: 0, host: '127.0.0.1' });
  const webhookUrl = `${base}/api/v1/payments/webhooks/razorpay`;
  fake.sendWebhooksTo(webhookUrl);
  return {
    ...test,
    fake,
    webhookUrl,
    sendWebhooks(on) {
      fake.sendWebhooksTo(on ? webhookUrl : undefined);
    },
    async close() {
      await test.app.close();
      await fake.close();
    },
  };
}
