import type { Role } from '@kupwara/shared';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../platform/http/errors';
import type { AuthUser, TokenSigner } from './tokens';

declare module 'fastify' {
  interface FastifyInstance {
    tokens: TokenSigner;
    /** Hook: the request must carry a valid access token (401 otherwise). */
    requireUser: onRequestAsyncHookHandler;
    /** Hook: a valid access token of one of these roles (401 without one, 403 with another role). */
    requireRole(...roles: Role[]): onRequestAsyncHookHandler;
  }
  interface FastifyRequest {
    auth: AuthUser | null;
  }
}

/** The caller of a route behind requireUser/requireRole. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.auth) throw new AppError(401, 'UNAUTHENTICATED', 'Log in first');
  return request.auth;
}

async function authenticate(tokens: TokenSigner, request: FastifyRequest): Promise<AuthUser> {
  const header = request.headers.authorization;
  const token = header?.match(/^Bearer ([^\s]+)$/i)?.[1];
  if (!token) throw new AppError(401, 'UNAUTHENTICATED', 'Log in first: send Authorization: Bearer <access token>');
  request.auth = await tokens.verify(token);
  return request.auth;
}

/** Access-token checks for route subtrees: `app.addHook('onRequest', app.requireRole('seller'))`. */
export const auth = fp<{ tokens: TokenSigner }>(async (app: FastifyInstance, { tokens }) => {
  app.decorate('tokens', tokens);
  app.decorateRequest('auth', null);
  app.decorate('requireUser', async (request: FastifyRequest) => {
    await authenticate(tokens, request);
  });
  app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
    const user = await authenticate(tokens, request);
    if (!roles.includes(user.role)) {
      throw new AppError(403, 'FORBIDDEN', `Only ${roles.join(' or ')} accounts can do this`);
    }
  });
});
