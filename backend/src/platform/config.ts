import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { S3StorageOptions } from './media/s3-storage';
import { weakSecret } from './secret-strength';

// The only place that reads process.env: everything else receives a Config.

const optionalUrl = (protocols: string[], example: string) =>
  z
    .url({ message: `must be a URL such as ${example}` })
    .refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), {
      message: `must start with ${protocols.map((p) => `${p}//`).join(' or ')} (such as ${example})`,
    })
    .optional();

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    PORT: z.coerce
      .number({ message: 'must be a whole number between 0 and 65535' })
      .int('must be a whole number between 0 and 65535')
      .min(0, 'must be a whole number between 0 and 65535')
      .max(65535, 'must be a whole number between 0 and 65535')
      .default(3000),
    DATA_DIR: z.string().trim().min(1).default('.data'),
    DATABASE_URL: optionalUrl(['postgres:', 'postgresql:'], 'postgres://user:pass@127.0.0.1:5432/kupwara'),
    REDIS_URL: optionalUrl(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** API processes sharing the port; default: one per core with PostgreSQL and Redis, else 1. */
    WEB_CONCURRENCY: z.coerce
      .number()
      .int('must be a whole number from 1')
      .min(1, 'must be a whole number from 1')
      .max(256)
      .optional(),
    /** Connections to PostgreSQL for the whole server, shared out between its API processes. */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 48)').optional(),
    AUTH_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
    AUTH_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    /** A phone that lost the answer to a refresh may retry with the same token this long after. */
    REFRESH_REUSE_GRACE_S: z.coerce.number().int().min(0).max(300).default(20),
    /** Writes a minute by one user: far above a rider's position batches or a seller's bulk stock edits. */
    WRITE_LIMIT_PER_USER: z.coerce.number().int().min(1).default(300),
    /** Writes a minute from one IP address: high, as a carrier's NAT puts many phones behind one. */
    WRITE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(3000),
    /** Web origins (besides this server's own) whose pages may call the API, comma-separated. */
    CORS_ORIGINS: z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ message: 'must be origins such as https://shop.kupwaracart.in, comma-separated' })))
      .optional(),
    ORDER_ACCEPT_TIMEOUT_S: z.coerce.number().int().min(10).max(86_400).default(300),
    /** When to start looking for a rider: once the order is ready, or once the shop accepts it (saves minutes). */
    DISPATCH_FROM: z.enum(['READY_FOR_PICKUP', 'ACCEPTED']).default('READY_FOR_PICKUP'),
    DISPATCH_OFFER_TIMEOUT_S: z.coerce.number().int().min(5).max(600).default(30),
    DISPATCH_WAIT_NOTICE_S: z.coerce.number().int().min(0).max(86_400).default(180),
    DISPATCH_GIVE_UP_S: z.coerce.number().int().min(60).max(86_400).default(1800),
    DISPATCH_RADIUS_KM: z.coerce.number().min(0.5).max(50).default(10),
    RIDER_MAX_DELIVERIES: z.coerce.number().int().min(1).max(10).default(1),
    MEDIA_S3_ENDPOINT: optionalUrl(['http:', 'https:'], 'https://s3.ap-south-1.amazonaws.com'),
    MEDIA_S3_BUCKET: z.string().trim().min(3).max(63).optional(),
    MEDIA_S3_REGION: z.string().trim().min(1).default('us-east-1'),
    MEDIA_S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
    MEDIA_S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
    MEDIA_PUBLIC_URL: optionalUrl(['http:', 'https:'], 'https://media.kupwaracart.in'),
    /** expo: send through Expo's push service; log: record and log pushes, send nothing. */
    PUSH_SERVICE: z.enum(['expo', 'log']).optional(),
    EXPO_ACCESS_TOKEN: z.string().trim().min(1).optional(),
    /** Another push service speaking Expo's API (a test's fake); Expo's own when unset. */
    EXPO_PUSH_URL: optionalUrl(['http:', 'https:'], 'https://exp.host'),
    /** How long after sending the receipts are fetched (Expo advises about 15 minutes). */
    PUSH_RECEIPT_DELAY_S: z.coerce.number().int().min(1).max(86_400).default(900),
    /** msg91: text messages through MSG91's Flow API; unset: no SMS at all. */
    SMS_GATEWAY: z.enum(['msg91']).optional(),
    MSG91_AUTH_KEY: z.string().trim().min(1).optional(),
    /** Another gateway speaking MSG91's API (a test's fake); MSG91's own when unset. */
    MSG91_URL: optionalUrl(['http:', 'https:'], 'https://control.msg91.com'),
    /** The DLT-registered templates' ids at MSG91, one per kind of message. */
    SMS_TEMPLATE_NEW_ORDER: z.string().trim().min(1).optional(),
    SMS_TEMPLATE_OFFER: z.string().trim().min(1).optional(),
    /** A new order the shop has not seen this long after it came gets a text message. */
    SMS_FALLBACK_AFTER_S: z.coerce.number().int().min(5).max(3600).default(60),
    /** razorpay: online payments through Razorpay; unset: cash on delivery only. */
    PAYMENT_GATEWAY: z.enum(['razorpay']).optional(),
    RAZORPAY_KEY_ID: z.string().trim().min(1).optional(),
    RAZORPAY_KEY_SECRET: z.string().trim().min(1).optional(),
    /** The secret set on the webhook in Razorpay's dashboard (not the key secret). */
    RAZORPAY_WEBHOOK_SECRET: z.string().trim().min(1).optional(),
    /** Another gateway speaking Razorpay's API (a test's fake); Razorpay's own when unset. */
    RAZORPAY_API_URL: optionalUrl(['http:', 'https:'], 'https://api.razorpay.com'),
    /** The checkout script the web build loads (a test's fake serves its own). */
    RAZORPAY_CHECKOUT_URL: optionalUrl(['http:', 'https:'], 'https://checkout.razorpay.com/v1/checkout.js'),
    /** An order paid online that is not paid this long after it was placed fails, and its stock goes back. */
    PAYMENT_TIMEOUT_S: z.coerce.number().int().min(30).max(86_400).default(900),
    /** Where people reach this server from outside (the short links in text messages). */
    PUBLIC_URL: optionalUrl(['http:', 'https:'], 'https://kupwaracart.in'),
    TRUST_PROXY: z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
  })
  .refine((e) => (e.WEB_CONCURRENCY ?? 1) === 1 || (e.DATABASE_URL && e.REDIS_URL), {
    path: ['WEB_CONCURRENCY'],
    message:
      'above 1 needs DATABASE_URL and REDIS_URL: the embedded database lives in one process, and only Redis carries events and cache between processes',
  })
  .superRefine((e, ctx) => {
    if (!e.MEDIA_S3_ENDPOINT) return;
    for (const name of [
      'MEDIA_S3_BUCKET',
      'MEDIA_S3_ACCESS_KEY_ID',
      'MEDIA_S3_SECRET_ACCESS_KEY',
      'MEDIA_PUBLIC_URL',
    ] as const) {
      if (!e[name])
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when MEDIA_S3_ENDPOINT is set' });
    }
  })
  .superRefine((e, ctx) => {
    if (!e.SMS_GATEWAY) return;
    for (const name of ['MSG91_AUTH_KEY', 'SMS_TEMPLATE_NEW_ORDER', 'SMS_TEMPLATE_OFFER', 'PUBLIC_URL'] as const) {
      if (!e[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when SMS_GATEWAY is set' });
    }
  })
  .superRefine((e, ctx) => {
    if (!e.PAYMENT_GATEWAY) return;
    for (const name of ['RAZORPAY_KEY_ID', 'RAZORPAY_KEY_SECRET', 'RAZORPAY_WEBHOOK_SECRET'] as const) {
      if (!e[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when PAYMENT_GATEWAY is set' });
    }
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.JWT_SECRET, {
    path: ['JWT_SECRET'],
    message: 'is required in production (at least 32 random characters)',
  })
  .superRefine((e, ctx) => {
    // A secret anyone can read in a repository or guess signs nothing: production refuses to start with one.
    if (e.NODE_ENV !== 'production') return;
    const secrets: [keyof typeof e, string | undefined, number][] = [
      ['JWT_SECRET', e.JWT_SECRET, 32],
      ['RAZORPAY_KEY_SECRET', e.PAYMENT_GATEWAY && e.RAZORPAY_KEY_SECRET, 16],
      ['RAZORPAY_WEBHOOK_SECRET', e.PAYMENT_GATEWAY && e.RAZORPAY_WEBHOOK_SECRET, 16],
      ['MSG91_AUTH_KEY', e.SMS_GATEWAY && e.MSG91_AUTH_KEY, 16],
      ['EXPO_ACCESS_TOKEN', e.EXPO_ACCESS_TOKEN, 16],
      ['MEDIA_S3_SECRET_ACCESS_KEY', e.MEDIA_S3_ENDPOINT && e.MEDIA_S3_SECRET_ACCESS_KEY, 16],
    ];
    for (const [name, value, minLength] of secrets) {
      const problem = value && weakSecret(value, minLength);
      if (problem)
        ctx.addIssue({ code: 'custom', path: [name], message: `${problem}: in production use a random one` });
    }
  });

/** The order event that starts looking for a rider. */
export type DispatchFrom = z.output<typeof envSchema>['DISPATCH_FROM'];

/** Offering orders to riders. */
export interface DispatchOptions {
  /** How long a rider has to take an offer before it goes to the next nearest. */
  offerTimeoutMs: number;
  /** After this long without a rider the seller and the customer are told (dispatch keeps trying). */
  waitingNoticeMs: number;
  /** After this long without a rider the order FAILS (its stock goes back). */
  giveUpMs: number;
  /** How far from the shop a rider may be offered work. */
  radiusM: number;
  /** Deliveries a rider may carry at once (batching when above 1). */
  maxActivePerRider: number;
  /** How soon to look again when no rider is free. */
  retryMs: number;
}

/** Pushes to phones. */
export interface PushOptions {
  /** expo sends through Expo's push service; log records and logs what would be sent. */
  service: 'expo' | 'log';
  accessToken: string | undefined;
  /** Expo's push API lives here (a fake in tests). */
  url: string;
  receiptDelayMs: number;
}

/** Online payments through a gateway. */
export interface PaymentGatewayOptions {
  gateway: 'razorpay';
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  /** The gateway's API lives here (a fake in tests). */
  apiUrl: string;
  checkoutUrl: string;
}

/** Text messages for what must not be missed. */
export interface SmsOptions {
  gateway: 'msg91';
  authKey: string;
  url: string;
  templates: { newOrder: string; offer: string };
  /** The base of the short links a message carries. */
  publicUrl: string;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
  /** API processes sharing the port (node:cluster); 1 is a single process with no primary. */
  webConcurrency: number;
  /** Connections each API process's pool may open: DATABASE_POOL_MAX shared out between them. */
  databasePoolSize: number;
  shutdownTimeoutMs: number;
  /** Signs access tokens. Unset outside production: a secret is made once and kept in DATA_DIR. */
  jwtSecret: string | undefined;
  /** Sign-up and login attempts allowed per minute from one IP address. */
  authLimitPerIp: number;
  /** Login attempts allowed per 15 minutes for one phone number or email. */
  authLimitPerAccount: number;
  /**
   * How long after a refresh the same (used) refresh token still gets the same new pair, for a
   * phone whose answer was lost; after it, or once the new token was used, reuse revokes the login.
   */
  refreshReuseGraceMs: number;
  /** Writes (POST, PUT, PATCH, DELETE) allowed per minute by one signed-in user. */
  writeLimitPerUser: number;
  /** Writes allowed per minute from one IP address. */
  writeLimitPerIp: number;
  /**
   * Web origins allowed to call the API from a browser. The apps' web builds are served by this
   * server (same origin) and native apps send no Origin, so production needs none; development
   * allows Expo's dev servers on localhost.
   */
  corsOrigins: string[];
  /** How long a shop has to accept or reject a new order before it is cancelled (and the customer told). */
  orderAcceptTimeoutMs: number;
  /** The order event that starts looking for a rider. */
  dispatchFrom: DispatchFrom;
  /** Offering ready orders to riders. */
  dispatch: DispatchOptions;
  /** Product photos in an S3-compatible bucket; unset: files under DATA_DIR/media. */
  mediaS3: S3StorageOptions | undefined;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  push: PushOptions;
  /** Unset: no text messages are sent. */
  sms: SmsOptions | undefined;
  /** A new order the shop has not seen this long gets a text message (when SMS is on). */
  smsFallbackAfterMs: number;
  /** Unset: cash on delivery only. */
  payments: PaymentGatewayOptions | undefined;
  /** How long an order paid online may wait for its payment before it fails. */
  paymentTimeoutMs: number;
}

/** Where `expo start` serves the apps' web builds on a developer's machine. */
const expoDevOrigins = ['http://localhost:8081', 'http://127.0.0.1:8081', 'http://localhost:19006'];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Variables whose values a boot error must not print (it ends up in a terminal or a log).
const secretVariables = new Set([
  'JWT_SECRET',
  'RAZORPAY_KEY_SECRET',
  'RAZORPAY_WEBHOOK_SECRET',
  'MSG91_AUTH_KEY',
  'EXPO_ACCESS_TOKEN',
  'MEDIA_S3_SECRET_ACCESS_KEY',
]);

/** A bad value as an error shows it: secrets by their length only, URLs without their password. */
function shown(name: string, value: string | undefined): string {
  if (value === undefined) return 'undefined';
  if (secretVariables.has(name)) return `${value.length} characters`;
  return JSON.stringify(value.replace(/(\/\/[^/:@]*:)[^@/]*@/, '$1***@'));
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  cores = availableParallelism(),
): Config {
  // A variable set to an empty string is treated as unset, as shells and .env files often leave them.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim()));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const firstIssue = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      if (!firstIssue.has(name)) firstIssue.set(name, `${name}: ${issue.message} (got ${shown(name, env[name])})`);
    }
    throw new ConfigError([...firstIssue.values()]);
  }
  const e = parsed.data;
  const webConcurrency = e.WEB_CONCURRENCY ?? (e.DATABASE_URL && e.REDIS_URL ? cores : 1);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    webConcurrency,
    databasePoolSize: Math.max(1, Math.floor(e.DATABASE_POOL_MAX / webConcurrency)),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    jwtSecret: e.JWT_SECRET,
    authLimitPerIp: e.AUTH_LIMIT_PER_IP,
    authLimitPerAccount: e.AUTH_LIMIT_PER_ACCOUNT,
    refreshReuseGraceMs: e.REFRESH_REUSE_GRACE_S * 1000,
    writeLimitPerUser: e.WRITE_LIMIT_PER_USER,
    writeLimitPerIp: e.WRITE_LIMIT_PER_IP,
    corsOrigins: (e.CORS_ORIGINS ?? (e.NODE_ENV === 'development' ? expoDevOrigins : [])).map(
      (origin) => new URL(origin).origin,
    ),
    trustProxy: e.TRUST_PROXY,
    orderAcceptTimeoutMs: e.ORDER_ACCEPT_TIMEOUT_S * 1000,
    dispatchFrom: e.DISPATCH_FROM,
    dispatch: {
      offerTimeoutMs: e.DISPATCH_OFFER_TIMEOUT_S * 1000,
      waitingNoticeMs: e.DISPATCH_WAIT_NOTICE_S * 1000,
      giveUpMs: e.DISPATCH_GIVE_UP_S * 1000,
      radiusM: e.DISPATCH_RADIUS_KM * 1000,
      maxActivePerRider: e.RIDER_MAX_DELIVERIES,
      retryMs: 15_000,
    },
    push: {
      // A real deployment (its own database, or Expo credentials) sends; a laptop's demo only logs.
      service: e.PUSH_SERVICE ?? (e.EXPO_ACCESS_TOKEN || e.DATABASE_URL ? 'expo' : 'log'),
      accessToken: e.EXPO_ACCESS_TOKEN,
      url: e.EXPO_PUSH_URL ?? 'https://exp.host',
      receiptDelayMs: e.PUSH_RECEIPT_DELAY_S * 1000,
    },
    sms:
      e.SMS_GATEWAY && e.MSG91_AUTH_KEY && e.SMS_TEMPLATE_NEW_ORDER && e.SMS_TEMPLATE_OFFER && e.PUBLIC_URL
        ? {
            gateway: e.SMS_GATEWAY,
            authKey: e.MSG91_AUTH_KEY,
            url: e.MSG91_URL ?? 'https://control.msg91.com',
            templates: { newOrder: e.SMS_TEMPLATE_NEW_ORDER, offer: e.SMS_TEMPLATE_OFFER },
            publicUrl: e.PUBLIC_URL,
          }
        : undefined,
    smsFallbackAfterMs: e.SMS_FALLBACK_AFTER_S * 1000,
    payments:
      e.PAYMENT_GATEWAY && e.RAZORPAY_KEY_ID && e.RAZORPAY_KEY_SECRET && e.RAZORPAY_WEBHOOK_SECRET
        ? {
            gateway: e.PAYMENT_GATEWAY,
            keyId: e.RAZORPAY_KEY_ID,
            keySecret: e.RAZORPAY_KEY_SECRET,
            webhookSecret: e.RAZORPAY_WEBHOOK_SECRET,
            apiUrl: e.RAZORPAY_API_URL ?? 'https://api.razorpay.com',
            checkoutUrl: e.RAZORPAY_CHECKOUT_URL ?? 'https://checkout.razorpay.com/v1/checkout.js',
          }
        : undefined,
    paymentTimeoutMs: e.PAYMENT_TIMEOUT_S * 1000,
    mediaS3:
      e.MEDIA_S3_ENDPOINT &&
      e.MEDIA_S3_BUCKET &&
      e.MEDIA_S3_ACCESS_KEY_ID &&
      e.MEDIA_S3_SECRET_ACCESS_KEY &&
      e.MEDIA_PUBLIC_URL
        ? {
            endpoint: e.MEDIA_S3_ENDPOINT,
            bucket: e.MEDIA_S3_BUCKET,
            region: e.MEDIA_S3_REGION,
            accessKeyId: e.MEDIA_S3_ACCESS_KEY_ID,
            secretAccessKey: e.MEDIA_S3_SECRET_ACCESS_KEY,
            publicUrl: e.MEDIA_PUBLIC_URL,
          }
        : undefined,
  };
}
