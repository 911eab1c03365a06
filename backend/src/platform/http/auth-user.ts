import type { Role, RouteAuth } from '@kupwara/shared';
import type { onRequestAsyncHookHandler } from 'fastify';

/** Who an access token speaks for: the user, their role, and the session (refresh family) it came from. */
export interface AuthUser {
  id: string;
  role: Role;
  sessionId: string;
}

// What route registration needs from authentication; the auth plugin (accounts/auth.ts) provides it.
declare module 'fastify' {
  interface FastifyInstance {
    /** Hook admitting a route's callers: 401 without a valid access token, 403 for a role the route does not allow. */
    authorize(auth: Exclude<RouteAuth, 'public'>): onRequestAsyncHookHandler;
  }
  interface FastifyRequest {
    /** The caller once `authorize` admitted them; null on public routes. */
    user: AuthUser | null;
  }
}
