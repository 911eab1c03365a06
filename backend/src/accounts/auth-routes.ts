import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../platform/db';
import { route } from '../platform/http/route';
import { type AuthLimits, authLimits } from './rate-limits';
import { endSession, rotateSession, startSession } from './sessions';
import { authenticate, profileOf, register, takeRiderOffline } from './users';

export interface AuthRoutesOptions {
  db: Db;
  limits: AuthLimits;
  /** How long after a refresh a phone that lost the answer may retry with the same token (see rotateSession). */
  refreshReuseGraceMs: number;
  /** What modules above accounts undo when a login ends (its phone's pushes stop, say). */
  signedOut?: readonly ((session: { userId: string; sessionId: string }) => Promise<unknown>)[];
}

export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (
  app,
  { db, limits, refreshReuseGraceMs, signedOut = [] },
) => {
  const sessions = { db, signer: app.tokens, revoked: app.revokedLogins, reuseGraceMs: refreshReuseGraceMs };
  const limit = authLimits(app, limits);

  route(app, routes.register, async (request, reply) => {
    await limit.register(request, reply);
    const user = await register(db, request.body);
    return { ...(await startSession(sessions, user)), user };
  });

  route(app, routes.login, async (request, reply) => {
    await limit.login(request, reply);
    const user = await authenticate(db, request.body);
    return { ...(await startSession(sessions, user)), user };
  });

  route(app, routes.refresh, async ({ body }) => {
    const { tokens, userId } = await rotateSession(sessions, body.refresh_token);
    return { ...tokens, user: await profileOf(db, userId) };
  });

  route(app, routes.logout, async ({ body }) => {
    const ended = await endSession(sessions, body.refresh_token);
    if (!ended) return null;
    // A rider who signs out takes no more work: dispatch would otherwise offer it to a phone nobody holds.
    await takeRiderOffline(db, ended.userId);
    await Promise.all(signedOut.map((undo) => undo(ended)));
    return null;
  });
};
