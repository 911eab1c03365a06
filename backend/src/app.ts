import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './platform/config';
import { docs } from './platform/http/docs';
import { errorHandling } from './platform/http/errors';
import { health } from './platform/http/health';
import { metrics } from './platform/http/metrics';
import { serveWebApps, type WebApp } from './platform/http/web-apps';
import type { Platform } from './platform/platform';

export interface AppOptions {
  config: Pick<Config, 'logLevel' | 'env'>;
  platform: Platform;
  /** Which web builds to serve (default: all that are built). Tests of the API pass []. */
  webApps?: readonly WebApp[];
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Builds the whole HTTP app on a platform; listening is the caller's business (main.ts, tests). */
export async function buildApp({ config, platform, webApps }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    // A request id the client (or a proxy) sent is kept so one action can be followed across logs.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onClose', () => platform.close());

  await app.register(errorHandling);
  await app.register(metrics);
  await app.register(docs);
  await app.register(health, { platform });
  await app.register(
    async (api) => {
      // Modules register their routes here, under /api/v1.
      api.get('/', { schema: { hide: true } }, async () => ({ name: 'KupwaraCart API', version: 1 }));
    },
    { prefix: '/api/v1' },
  );
  await serveWebApps(app, webApps);
  return app;
}
