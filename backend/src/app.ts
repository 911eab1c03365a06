import { randomUUID } from 'node:crypto';
import { apiPrefix } from '@kupwara/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { auth } from './accounts/auth';
import { authRoutes } from './accounts/auth-routes';
import { meRoutes } from './accounts/me-routes';
import { createRevokedLogins } from './accounts/revoked-logins';
import { createTokenSigner } from './accounts/tokens';
import { analyticsRoutes } from './analytics/routes';
import { productImageRoutes } from './catalog/images/routes';
import { catalogRoutes } from './catalog/routes';
import { sellerProductRoutes } from './catalog/seller-product-routes';
import { type DispatchDeps, dispatchJobHandlers } from './delivery/dispatch';
import { deliveryEffects } from './delivery/jobs';
import { offerSmsHandlers } from './delivery/offer-sms';
import { createPositionIngest } from './delivery/positions';
import { riderRoutes } from './delivery/rider-routes';
import { sellerDeliveryRoutes } from './delivery/seller-routes';
import { forgetSessionDevices } from './notifications/devices';
import { type PushDeps, pushJobHandlers } from './notifications/push';
import { createPushService } from './notifications/push-service';
import { notificationRoutes } from './notifications/routes';
import { shortLinkRoutes } from './notifications/short-links';
import { defaultSmsRetry, msg91Gateway } from './notifications/sms';
import { newOrderSmsHandlers } from './orders/new-order-sms';
import { orderJobHandlers } from './orders/order-jobs';
import { orderRoutes } from './orders/routes';
import type { OrderDeps } from './orders/transitions';
import { cashEffects, cashJobHandlers } from './payments/cash';
import { cashRoutes } from './payments/cash-routes';
import type { PaymentDeps } from './payments/deps';
import { paymentHistory } from './payments/history';
import { paymentJobHandlers } from './payments/jobs';
import { payoutRoutes } from './payments/payout-routes';
import { razorpayGateway } from './payments/razorpay';
import { paymentEffects } from './payments/reconcile';
import { paymentRoutes } from './payments/routes';
import { webhookRoutes } from './payments/webhooks';
import type { Config } from './platform/config';
import { compression } from './platform/http/compression';
import { docs } from './platform/http/docs';
import { errorHandling, frameworkError } from './platform/http/errors';
import { health } from './platform/http/health';
import { metrics } from './platform/http/metrics';
import { noNulCharacters } from './platform/http/no-nul';
import { rateLimits } from './platform/http/rate-limits';
import { bodyLimitBytes, clientErrorHandler, maxHeaderBytes, urlLimit } from './platform/http/request-limits';
import { routeTableOnly } from './platform/http/route';
import { securityHeaders } from './platform/http/security-headers';
import { serveMedia, serveWebApps, type WebApp, webBuildDir } from './platform/http/web-apps';
import { writeLimits } from './platform/http/write-limits';
import { forgetOldAnswers } from './platform/idempotency';
import { createJobRunner, type JobHandler } from './platform/jobs';
import { privateLogging } from './platform/log-privacy';
import type { Platform } from './platform/platform';
import { type RealtimeOptions, realtime } from './realtime/routes';
import { storeRoutes } from './stores/routes';
import { sellerStoreRoutes } from './stores/seller-store-routes';

export type AppConfig = Pick<
  Config,
  | 'env'
  | 'logLevel'
  | 'trustProxy'
  | 'authLimitPerIp'
  | 'authLimitPerAccount'
  | 'refreshReuseGraceMs'
  | 'writeLimitPerUser'
  | 'writeLimitPerIp'
  | 'corsOrigins'
  | 'orderAcceptTimeoutMs'
  | 'dispatchFrom'
  | 'dispatch'
  | 'push'
  | 'sms'
  | 'smsFallbackAfterMs'
  | 'payments'
  | 'paymentTimeoutMs'
> &
  Partial<Pick<Config, 'mediaS3'>> & {
    /** Resolved by resolveJwtSecret: always present here. */
    jwtSecret: string;
    /** Tests shorten the socket timers. */
    realtime?: Pick<RealtimeOptions, 'authTimeoutMs' | 'heartbeatMs' | 'maxBufferedBytes'>;
  };

export interface AppOptions {
  config: AppConfig;
  platform: Platform;
  /** Which web builds to serve (default: all that are built). Tests of the API pass []. */
  webApps?: readonly WebApp[];
  /** Where each app's web build is (default packages/<name>-app/dist): tests serve a small one of their own. */
  webBuildDir?: (name: WebApp) => string;
  /**
   * Run side-effect jobs and housekeeping in this process (default true). A test turns it off to
   * play a crashed runner; a cluster worker passes a promise that settles when the primary picks it.
   */
  runJobs?: boolean | Promise<void>;
  /** Where log lines go (default standard output): a test reads them to see what a session leaks. */
  logStream?: DestinationStream;
}

/** Every module's side-effect handlers, by job kind. */
export const jobHandlers = (deps: DispatchDeps, push: PushDeps, payments: PaymentDeps): Record<string, JobHandler> => ({
  ...pushJobHandlers(push),
  // Without a gateway no order is paid online, so none of its jobs is ever queued.
  ...(payments.gateway ? paymentJobHandlers(payments) : {}),
  ...orderJobHandlers(deps),
  ...newOrderSmsHandlers(deps),
  ...dispatchJobHandlers(deps),
  ...offerSmsHandlers(deps),
  ...cashJobHandlers(deps),
});

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Builds the whole HTTP app on a platform; listening is the caller's business (main.ts, tests). */
export async function buildApp({
  config,
  platform,
  webApps,
  webBuildDir: buildDir = webBuildDir,
  runJobs = true,
  logStream,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, ...privateLogging, ...(logStream ? { stream: logStream } : {}) },
    // A request id the client (or a proxy) sent is kept so one action can be followed across logs.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: bodyLimitBytes,
    http: { maxHeaderSize: maxHeaderBytes },
    clientErrorHandler,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // Closing drops idle kept-alive connections but lets requests in flight finish: `true` would
    // cut them off too, and a shutdown (a deploy, a worker restart) would fail them.
    forceCloseConnections: 'idle',
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const db = platform.database.db;
  const gateway = config.payments && razorpayGateway(config.payments);
  const orders: OrderDeps = {
    db,
    bus: platform.bus,
    cache: platform.cache,
    pendingTimeoutMs: config.orderAcceptTimeoutMs,
    onlinePayments: config.payments !== undefined,
    paymentTimeoutMs: config.paymentTimeoutMs,
    // Modules above orders act on its events through these, so orders imports none of them.
    eventEffects: [
      deliveryEffects(config.dispatchFrom),
      cashEffects,
      ...(gateway ? [paymentEffects({ paymentTimeoutMs: config.paymentTimeoutMs })] : []),
    ],
    paymentHistory,
    sms: config.sms && {
      sender: { db, gateway: msg91Gateway(config.sms), options: config.sms, log: app.log, retry: defaultSmsRetry },
      newOrderAfterMs: config.smsFallbackAfterMs,
    },
  };
  const positions = createPositionIngest({ db, bus: platform.bus });
  const delivery = { ...orders, dispatch: config.dispatch, positions };
  const payments: PaymentDeps = { ...orders, gateway, log: app.log };
  const push = { db, push: createPushService(config.push), log: app.log, receiptDelayMs: config.push.receiptDelayMs };
  const jobs = createJobRunner({
    db,
    bus: platform.bus,
    handlers: jobHandlers(delivery, push, payments),
    log: app.log,
  });
  // Housekeeping every process may do: deleting what is already deleted is harmless.
  let sweep: NodeJS.Timeout | undefined;
  let closed = false;
  const startHousekeeping = async () => {
    if (closed) return;
    await jobs.start();
    sweep = setInterval(
      () => forgetOldAnswers(db).catch((error) => app.log.error({ err: error }, 'sweep failed')),
      3600_000,
    );
    sweep.unref();
  };
  if (runJobs === true) app.addHook('onReady', startHousekeeping);
  if (runJobs instanceof Promise) {
    runJobs.then(startHousekeeping).catch((error) => app.log.error({ err: error }, 'job runner failed to start'));
  }
  app.addHook('onClose', async () => {
    closed = true;
    clearInterval(sweep);
    await jobs.stop();
    await positions.close();
    await platform.close();
  });

  // First: it compresses the answers of the routes registered after it, which is all of them.
  await app.register(compression);
  await app.register(errorHandling);
  await app.register(urlLimit);
  await app.register(securityHeaders, {
    corsOrigins: config.corsOrigins,
    checkoutUrl: config.payments?.checkoutUrl,
    mediaPublicUrl: config.mediaS3?.publicUrl,
  });
  await app.register(rateLimits, { redis: platform.redis, nameSpace: `${platform.namespace}ratelimit:` });
  await app.register(noNulCharacters);
  await app.register(routeTableOnly);
  await app.register(metrics);
  await app.register(docs);
  await app.register(health, { platform });
  await app.register(auth, {
    tokens: createTokenSigner(config.jwtSecret),
    revokedLogins: createRevokedLogins({ db, cache: platform.cache, bus: platform.bus }),
  });
  await app.register(
    async (api) => {
      await api.register(writeLimits, { perUser: config.writeLimitPerUser, perIp: config.writeLimitPerIp });
      const limits = { perIp: config.authLimitPerIp, perAccount: config.authLimitPerAccount };
      await api.register(authRoutes, {
        db,
        limits,
        refreshReuseGraceMs: config.refreshReuseGraceMs,
        signedOut: [(session) => forgetSessionDevices(db, session)],
      });
      await api.register(meRoutes, { db });
      await api.register(notificationRoutes, { db });
      const catalog = { db, cache: platform.cache, storage: platform.media, onlinePayments: orders.onlinePayments };
      await api.register(sellerStoreRoutes, { ...catalog, bus: platform.bus });
      await api.register(storeRoutes, catalog);
      await api.register(catalogRoutes, catalog);
      await api.register(sellerProductRoutes, catalog);
      await api.register(productImageRoutes, catalog);
      await api.register(analyticsRoutes, { db });
      await api.register(orderRoutes, orders);
      await api.register(paymentRoutes, payments);
      await api.register(riderRoutes, delivery);
      await api.register(sellerDeliveryRoutes, { db });
      await api.register(cashRoutes, { db, bus: platform.bus });
      await api.register(payoutRoutes, { db });
    },
    { prefix: apiPrefix },
  );
  await realtime(app, { db, bus: platform.bus, cache: platform.cache, positions, ...config.realtime });
  if (platform.mediaDir) await serveMedia(app, platform.mediaDir);
  // The gateway's webhooks: under the API's prefix, but called by the gateway, not the apps.
  if (gateway) await webhookRoutes(app, { db, bus: platform.bus, gateway });
  // Text messages' links open pages of the web apps, so they sit beside them, not under the API.
  await shortLinkRoutes(app, db);
  await serveWebApps(app, webApps, buildDir);
  return app;
}
