import type { routes } from '@kupwara/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { LimitCheck, LimitRule } from '../platform/http/rate-limits';

export interface AuthLimits {
  /** Attempts per minute from one IP address. */
  perIp: number;
  /** Attempts per 15 minutes for one phone number or email. */
  perAccount: number;
}

// The handlers run these after validation, so the body has its route's shape.
const registering = (request: FastifyRequest) => request.body as z.output<typeof routes.register.body>;
const loggingIn = (request: FastifyRequest) => request.body as z.output<typeof routes.login.body>;

/**
 * Sign-up and login attempts count against the caller's IP (both kinds together) and the account
 * they name; past either limit the request ends in 429 RATE_LIMITED with Retry-After.
 */
export function authLimits(app: FastifyInstance, limits: AuthLimits): { register: LimitCheck; login: LimitCheck } {
  const perIp: LimitRule = { name: 'auth-ip', max: limits.perIp, windowMs: 60_000, key: (request) => request.ip };
  const perAccount = (name: string, key: LimitRule['key']): LimitRule => ({
    name,
    max: limits.perAccount,
    windowMs: 15 * 60_000,
    key,
  });
  return {
    register: app.limits([perIp, perAccount('register-account', (request) => registering(request).phone)]),
    login: app.limits([
      perIp,
      perAccount('login-account', (request) => {
        const { phone, email } = loggingIn(request);
        return phone ?? email ?? '';
      }),
    ]),
  };
}
