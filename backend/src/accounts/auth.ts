import type { RouteAuth } from '@kupwara/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuthUser } from '../platform/http/auth-user';
import { AppError } from '../platform/http/errors';
import { LOGIN_ENDED, type RevokedLogins } from './revoked-logins';
import type { TokenSigner } from './tokens';

declare module 'fastify' {
  interface FastifyInstance {
    tokens: TokenSigner;
    /** Logins ended before their access tokens expire: checked on every authenticated request and socket. */
    revokedLogins: RevokedLogins;
  }
}

async function authenticate({ tokens, revokedLogins }: AuthOptions, request: FastifyRequest): Promise<AuthUser> {
  const header = request.headers.authorization;
  const token = header?.match(/^Bearer ([^\s]+)$/i)?.[1];
  if (!token) throw new AppError(401, 'UNAUTHENTICATED', 'Log in first: send Authorization: Bearer <access token>');
  const { id, role, sessionId } = await tokens.verify(token);
  if (await revokedLogins.isRevoked(sessionId)) throw new AppError(401, 'UNAUTHENTICATED', LOGIN_ENDED);
  return { id, role, sessionId };
}

interface AuthOptions {
  tokens: TokenSigner;
  revokedLogins: RevokedLogins;
}

/** Access-token checks: `app.authorize(routes.x.auth)` is the onRequest hook of every route that needs a caller. */
export const auth = fp<AuthOptions>(async (app: FastifyInstance, options) => {
  app.decorate('tokens', options.tokens);
  app.decorate('revokedLogins', options.revokedLogins);
  app.decorateRequest('user', null);
  app.decorate('authorize', (allowed: Exclude<RouteAuth, 'public'>) => async (request: FastifyRequest) => {
    const user = await authenticate(options, request);
    if (allowed !== 'user' && !allowed.includes(user.role)) {
      throw new AppError(403, 'FORBIDDEN', `Only ${allowed.join(' or ')} accounts can do this`);
    }
    request.user = user;
  });
});
