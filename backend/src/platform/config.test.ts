import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

// Random-looking secrets, as production needs: the checks refuse anything shorter, plainer or an example.
const JWT = 'q7Vd2LxN9pRt4WmZ8cYb1KfH6sJg3TnE5uAo0iQe';
const RAZORPAY_KEY = 'Zt8qLw3VnR6yXk1PbM4sHd9J';
const RAZORPAY_WEBHOOK = 'hW5nQ2rT8vK1mZ7xB4cL9pD3';
const MSG91_KEY = '412345TqWvXyGhJkLmNpQrSt7';

const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as ConfigError).problems;
  }
  return [];
};

describe('loadConfig', () => {
  it('defaults to the embedded platform on port 3000 with data under .data', () => {
    expect(loadConfig({}, '/srv/kupwara')).toEqual({
      env: 'development',
      host: '0.0.0.0',
      port: 3000,
      dataDir: '/srv/kupwara/.data',
      databaseUrl: undefined,
      redisUrl: undefined,
      logLevel: 'info',
      webConcurrency: 1,
      databasePoolSize: 10,
      shutdownTimeoutMs: 10_000,
      jwtSecret: undefined,
      authLimitPerIp: 30,
      authLimitPerAccount: 10,
      refreshReuseGraceMs: 20_000,
      writeLimitPerUser: 300,
      writeLimitPerIp: 3000,
      corsOrigins: ['http://localhost:8081', 'http://127.0.0.1:8081', 'http://localhost:19006'],
      trustProxy: false,
      orderAcceptTimeoutMs: 300_000,
      dispatchFrom: 'READY_FOR_PICKUP',
      dispatch: {
        offerTimeoutMs: 30_000,
        waitingNoticeMs: 180_000,
        giveUpMs: 1_800_000,
        radiusM: 10_000,
        maxActivePerRider: 1,
        retryMs: 15_000,
      },
      mediaS3: undefined,
      push: { service: 'log', accessToken: undefined, url: 'https://exp.host', receiptDelayMs: 900_000 },
      sms: undefined,
      smsFallbackAfterMs: 60_000,
      payments: undefined,
      paymentTimeoutMs: 900_000,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '8080',
        DATA_DIR: '/var/lib/kupwara',
        DATABASE_URL: 'postgres://app@db:5432/kupwara',
        REDIS_URL: 'redis://cache:6379',
        LOG_LEVEL: 'warn',
        WEB_CONCURRENCY: '3',
        DATABASE_POOL_MAX: '14',
        SHUTDOWN_TIMEOUT_MS: '2500',
        JWT_SECRET: JWT,
        AUTH_LIMIT_PER_IP: '5',
        AUTH_LIMIT_PER_ACCOUNT: '3',
        REFRESH_REUSE_GRACE_S: '45',
        WRITE_LIMIT_PER_USER: '120',
        WRITE_LIMIT_PER_IP: '900',
        CORS_ORIGINS: 'https://partners.kupwaracart.in/, https://ops.kupwaracart.in',
        TRUST_PROXY: 'true',
        ORDER_ACCEPT_TIMEOUT_S: '120',
        DISPATCH_FROM: 'ACCEPTED',
        DISPATCH_OFFER_TIMEOUT_S: '45',
        DISPATCH_WAIT_NOTICE_S: '60',
        DISPATCH_GIVE_UP_S: '900',
        DISPATCH_RADIUS_KM: '4',
        RIDER_MAX_DELIVERIES: '2',
        SMS_GATEWAY: 'msg91',
        MSG91_AUTH_KEY: MSG91_KEY,
        MSG91_URL: 'http://127.0.0.1:4010',
        SMS_TEMPLATE_NEW_ORDER: 'tpl-new-order',
        SMS_TEMPLATE_OFFER: 'tpl-offer',
        SMS_FALLBACK_AFTER_S: '90',
        PUBLIC_URL: 'https://kupwaracart.in',
        PAYMENT_GATEWAY: 'razorpay',
        RAZORPAY_KEY_ID: 'rzp_live_kupwara',
        RAZORPAY_KEY_SECRET: RAZORPAY_KEY,
        RAZORPAY_WEBHOOK_SECRET: RAZORPAY_WEBHOOK,
        RAZORPAY_API_URL: 'http://127.0.0.1:4020',
        RAZORPAY_CHECKOUT_URL: 'http://127.0.0.1:4020/v1/checkout.js',
        PAYMENT_TIMEOUT_S: '600',
      },
      '/anywhere',
    );
    expect(config).toEqual({
      env: 'production',
      host: '127.0.0.1',
      port: 8080,
      dataDir: '/var/lib/kupwara',
      databaseUrl: 'postgres://app@db:5432/kupwara',
      redisUrl: 'redis://cache:6379',
      logLevel: 'warn',
      webConcurrency: 3,
      databasePoolSize: 4,
      shutdownTimeoutMs: 2500,
      jwtSecret: JWT,
      authLimitPerIp: 5,
      authLimitPerAccount: 3,
      refreshReuseGraceMs: 45_000,
      writeLimitPerUser: 120,
      writeLimitPerIp: 900,
      corsOrigins: ['https://partners.kupwaracart.in', 'https://ops.kupwaracart.in'],
      trustProxy: true,
      orderAcceptTimeoutMs: 120_000,
      dispatchFrom: 'ACCEPTED',
      dispatch: {
        offerTimeoutMs: 45_000,
        waitingNoticeMs: 60_000,
        giveUpMs: 900_000,
        radiusM: 4000,
        maxActivePerRider: 2,
        retryMs: 15_000,
      },
      mediaS3: undefined,
      push: { service: 'expo', accessToken: undefined, url: 'https://exp.host', receiptDelayMs: 900_000 },
      sms: {
        gateway: 'msg91',
        authKey: MSG91_KEY,
        url: 'http://127.0.0.1:4010',
        templates: { newOrder: 'tpl-new-order', offer: 'tpl-offer' },
        publicUrl: 'https://kupwaracart.in',
      },
      smsFallbackAfterMs: 90_000,
      payments: {
        gateway: 'razorpay',
        keyId: 'rzp_live_kupwara',
        keySecret: RAZORPAY_KEY,
        webhookSecret: RAZORPAY_WEBHOOK,
        apiUrl: 'http://127.0.0.1:4020',
        checkoutUrl: 'http://127.0.0.1:4020/v1/checkout.js',
      },
      paymentTimeoutMs: 600_000,
    });
  });

  it('runs one API process a core with PostgreSQL and Redis, sharing the connection budget', () => {
    const both = { DATABASE_URL: 'postgres://app@db:5432/kupwara', REDIS_URL: 'redis://cache:6379' };
    expect(loadConfig(both, '/srv', 4)).toMatchObject({ webConcurrency: 4, databasePoolSize: 2 });
    expect(loadConfig({ ...both, DATABASE_POOL_MAX: '3' }, '/srv', 4)).toMatchObject({ databasePoolSize: 1 });
    expect(loadConfig({ ...both, WEB_CONCURRENCY: '1' }, '/srv', 4)).toMatchObject({
      webConcurrency: 1,
      databasePoolSize: 10,
    });
    // Without Redis events and cached answers would not reach the other processes.
    expect(loadConfig({ DATABASE_URL: both.DATABASE_URL }, '/srv', 4).webConcurrency).toBe(1);
    expect(loadConfig({}, '/srv', 4).webConcurrency).toBe(1);
  });

  it('refuses more than one API process on the embedded database, and none at all', () => {
    expect(problemsOf({ WEB_CONCURRENCY: '2' })).toEqual([
      'WEB_CONCURRENCY: above 1 needs DATABASE_URL and REDIS_URL: the embedded database lives in one process, and only Redis carries events and cache between processes (got "2")',
    ]);
    expect(problemsOf({ WEB_CONCURRENCY: '0', DATABASE_URL: 'postgres://db/k', REDIS_URL: 'redis://cache' })).toEqual([
      'WEB_CONCURRENCY: must be a whole number from 1 (got "0")',
    ]);
  });

  it('turns online payments on only with the key id, its secret and the webhook secret', () => {
    let error: unknown;
    try {
      loadConfig({ PAYMENT_GATEWAY: 'razorpay', RAZORPAY_KEY_ID: 'rzp_test_x' });
    } catch (caught) {
      error = caught;
    }
    expect((error as ConfigError).problems).toEqual([
      'RAZORPAY_KEY_SECRET: is required when PAYMENT_GATEWAY is set (got undefined)',
      'RAZORPAY_WEBHOOK_SECRET: is required when PAYMENT_GATEWAY is set (got undefined)',
    ]);
    const off = loadConfig({ RAZORPAY_KEY_ID: 'k', RAZORPAY_KEY_SECRET: 's', RAZORPAY_WEBHOOK_SECRET: 'w' });
    expect(off.payments).toBeUndefined();
  });

  it('turns SMS on only with the key, both templates and the public URL', () => {
    let error: unknown;
    try {
      loadConfig({ SMS_GATEWAY: 'msg91', SMS_TEMPLATE_OFFER: 'tpl-offer' });
    } catch (caught) {
      error = caught;
    }
    expect((error as ConfigError).problems).toEqual([
      'MSG91_AUTH_KEY: is required when SMS_GATEWAY is set (got undefined)',
      'SMS_TEMPLATE_NEW_ORDER: is required when SMS_GATEWAY is set (got undefined)',
      'PUBLIC_URL: is required when SMS_GATEWAY is set (got undefined)',
    ]);
    const off = loadConfig({ MSG91_AUTH_KEY: 'k', SMS_TEMPLATE_NEW_ORDER: 'a', SMS_TEMPLATE_OFFER: 'b' });
    expect(off.sms).toBeUndefined();
    expect(off.smsFallbackAfterMs).toBe(60_000);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', REDIS_URL: ' ', PORT: '' });
    expect([config.databaseUrl, config.redisUrl, config.port]).toEqual([undefined, undefined, 3000]);
  });

  it('never prints a secret or a password in a URL back in its complaint', () => {
    const problems = problemsOf({
      JWT_SECRET: 'hunter2',
      DATABASE_URL: 'mysql://app:Sup3rPass@db/kupwara',
      REDIS_URL: 'http://default:R3disPass@cache:6379',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL: .*\(got "mysql:\/\/app:\*\*\*@db\/kupwara"\)$/),
      expect.stringMatching(/^REDIS_URL: .*\(got "http:\/\/default:\*\*\*@cache:6379"\)$/),
      'JWT_SECRET: must be at least 32 characters (try: openssl rand -base64 48) (got 7 characters)',
    ]);
  });

  it('names every bad variable with what it got and what it needs', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://db/kupwara', REDIS_URL: 'not a url', NODE_ENV: 'prod' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems).toContain('PORT: must be a whole number between 0 and 65535 (got "eighty")');
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toMatch(
      /postgres:\/\/ or postgresql:\/\/.*"mysql:\/\/db\/kupwara"/,
    );
    expect(problems.find((p) => p.startsWith('REDIS_URL:'))).toMatch(/must be a URL such as redis:\/\/.*"not a url"/);
    expect(problems.find((p) => p.startsWith('NODE_ENV:'))).toMatch(/development.*test.*production.*"prod"/);
    expect((error as ConfigError).message).toMatch(/^Invalid configuration:\n {2}- /);
  });

  it('takes an S3 bucket for images only with everything it needs', () => {
    expect(() => loadConfig({ MEDIA_S3_ENDPOINT: 'https://s3.example.in' })).toThrow(
      /MEDIA_S3_BUCKET: is required when MEDIA_S3_ENDPOINT is set[\s\S]*MEDIA_PUBLIC_URL: is required/,
    );
    const config = loadConfig({
      MEDIA_S3_ENDPOINT: 'https://s3.example.in',
      MEDIA_S3_BUCKET: 'kupwara-media',
      MEDIA_S3_ACCESS_KEY_ID: 'AK',
      MEDIA_S3_SECRET_ACCESS_KEY: 'SK',
      MEDIA_PUBLIC_URL: 'https://media.example.in',
    });
    expect(config.mediaS3).toEqual({
      endpoint: 'https://s3.example.in',
      bucket: 'kupwara-media',
      region: 'us-east-1',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      publicUrl: 'https://media.example.in',
    });
  });

  it('requires a strong JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'JWT_SECRET: is required in production (at least 32 random characters) (got undefined)',
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET: must be at least 32 characters/,
    );
  });

  it.each([
    ['one character repeated', 'k'.repeat(40), /too easy to guess/],
    ['a run of digits', '1234567890'.repeat(4), /too easy to guess|example value/],
    ['a placeholder', 'change-me-to-a-long-random-string-please', /example value .*"change-me"/],
    ['the word secret', 'my-jwt-secret-for-kupwaracart-production', /example value/],
  ])('refuses to start in production with JWT_SECRET as %s', (_, secret, reason) => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^JWT_SECRET: /);
    expect(problems[0]).toMatch(reason);
    // The secret itself is not repeated back: the message names the variable and why.
    expect(problems[0]).not.toContain(secret.slice(8));
  });

  it('takes a weak JWT_SECRET outside production (tests and laptops use plain ones)', () => {
    expect(loadConfig({ NODE_ENV: 'development', JWT_SECRET: 'k'.repeat(40) }).jwtSecret).toBe('k'.repeat(40));
  });

  it('refuses example or weak gateway secrets in production, only when their feature is on', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: JWT, PUBLIC_URL: 'https://kupwaracart.in' };
    const sms = { SMS_GATEWAY: 'msg91', SMS_TEMPLATE_NEW_ORDER: 'a', SMS_TEMPLATE_OFFER: 'b' };
    const payments = { PAYMENT_GATEWAY: 'razorpay', RAZORPAY_KEY_ID: 'rzp_live_x' };
    expect(
      problemsOf({
        ...base,
        ...sms,
        ...payments,
        MSG91_AUTH_KEY: 'msg91-key',
        RAZORPAY_KEY_SECRET: 'razorpay-key-secret',
        RAZORPAY_WEBHOOK_SECRET: 'short',
        EXPO_ACCESS_TOKEN: 'your-expo-access-token-here',
      }).map((problem) => problem.split(':')[0]),
    ).toEqual(['RAZORPAY_KEY_SECRET', 'RAZORPAY_WEBHOOK_SECRET', 'MSG91_AUTH_KEY', 'EXPO_ACCESS_TOKEN']);
    // With the feature off its variables are not used, so they are not judged.
    expect(problemsOf({ ...base, MSG91_AUTH_KEY: 'msg91-key', RAZORPAY_KEY_SECRET: 'razorpay-key-secret' })).toEqual(
      [],
    );
    expect(
      problemsOf({
        ...base,
        ...sms,
        ...payments,
        MSG91_AUTH_KEY: MSG91_KEY,
        RAZORPAY_KEY_SECRET: RAZORPAY_KEY,
        RAZORPAY_WEBHOOK_SECRET: RAZORPAY_WEBHOOK,
      }),
    ).toEqual([]);
  });

  it('allows no other web origin in production unless CORS_ORIGINS names it, and only real origins', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: JWT }).corsOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'test' }).corsOrigins).toEqual([]);
    expect(problemsOf({ CORS_ORIGINS: 'https://ok.in,not an origin' })).toEqual([
      expect.stringMatching(/^CORS_ORIGINS: must be origins such as/),
    ]);
  });

  it.each(['-1', '65536', '3.5', '80 80'])('rejects PORT=%j', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT: must be a whole number/);
  });
});
