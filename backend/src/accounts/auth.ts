import type { RouteAuth } from '@kupwara/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuthUser } from '../platform/http/auth-user';
import { AppError } from '../platform/http/errors';
import type { TokenSigner } from './tokens';

declare module 'fastify' {
  interface FastifyInstance {
    tokens: TokenSigner;
  }
}

async function authenticate(tokens: TokenSigner, request: FastifyRequest): Promise<AuthUser> {
  const header = request.headers.authorization;
  const token = header?.match(/^Bearer ([^\s]+)$/i)?.[1];
  if (!token) throw new AppError(401, 'UNAUTHENTICATED', 'Log in first: send Authorization: Bearer <access token>');
  const { id, role, sessionId } = await tokens.verify(token);
  return { id, role, sessionId };
}

/** Access-token checks: `app.authorize(routes.x.auth)` is the onRequest hook of every route that needs a caller. */
export const auth = fp<{ tokens: TokenSigner }>(async (app: FastifyInstance, { tokens }) => {
  app.decorate('tokens', tokens);
  app.decorateRequest('user', null);
  app.decorate('authorize', (allowed: Exclude<RouteAuth, 'public'>) => async (request: FastifyRequest) => {
    const user = await authenticate(tokens, request);
    if (allowed !== 'user' && !allowed.includes(user.role)) {
      throw new AppError(403, 'FORBIDDEN', `Only ${allowed.join(' or ')} accounts can do this`);
    }
    request.user = user;
  });
});
