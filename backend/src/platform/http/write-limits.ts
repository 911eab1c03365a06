import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface WriteLimits {
  /** Writes per minute by one signed-in user. */
  perUser: number;
  /** Writes per minute from one IP address (phones behind one carrier's NAT share it). */
  perIp: number;
}

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every write in the scope counts against its IP address before anything else is done, and against
 * its caller once the route's auth hook has said who that is (before its body is read).
 */
export const writeLimits = fp<WriteLimits>(async (app: FastifyInstance, { perUser, perIp }) => {
  const byIp = app.limits([{ name: 'write-ip', max: perIp, windowMs: 60_000, key: (request) => request.ip }]);
  const byUser = app.limits([
    { name: 'write-user', max: perUser, windowMs: 60_000, key: (request) => request.user?.id },
  ]);
  app.addHook('onRequest', async (request, reply) => {
    if (writes.has(request.method)) await byIp(request, reply);
  });
  app.addHook('preParsing', async (request, reply, payload) => {
    if (writes.has(request.method)) await byUser(request, reply);
    return payload;
  });
});
