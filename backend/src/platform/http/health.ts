import { healthResponse, readinessResponse } from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../platform';

/**
 * `/healthz`: the process answers. `/readyz`: it can serve requests (database and Redis reachable).
 * For load balancers and orchestrators, not clients: left out of the API reference.
 */
export const health: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  app.get('/healthz', { schema: { hide: true, response: { 200: healthResponse } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/readyz',
    { schema: { hide: true, response: { 200: readinessResponse, 503: readinessResponse } } },
    async (_request, reply) => {
      const checks = await platform.checks();
      const ready = Object.values(checks).every((status) => status !== 'failing');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks });
    },
  );
};
