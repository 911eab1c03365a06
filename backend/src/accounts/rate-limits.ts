import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/http/errors';
import type { RateLimiter } from '../platform/rate-limit';

export interface AuthLimits {
  /** Attempts per minute from one IP address. */
  perIp: number;
  /** Attempts per 15 minutes for one phone number or email. */
  perAccount: number;
}

/**
 * Counts a sign-up or login attempt against the caller's IP and the account it names; past
 * either limit the request ends in 429 RATE_LIMITED with Retry-After.
 */
export async function limitAuthAttempt(
  limiter: RateLimiter,
  limits: AuthLimits,
  request: FastifyRequest,
  reply: FastifyReply,
  accountKey: string,
) {
  const checks = await Promise.all([
    limiter.hit(`auth:ip:${request.ip}`, limits.perIp, 60),
    limiter.hit(`auth:account:${accountKey}`, limits.perAccount, 15 * 60),
  ]);
  const blocked = checks.filter((check) => !check.allowed);
  if (blocked.length === 0) return;
  const retryAfter = Math.max(...blocked.map((check) => check.retryAfterSeconds));
  reply.header('retry-after', String(retryAfter));
  throw new AppError(429, 'RATE_LIMITED', `Too many attempts: try again in ${retryAfter} s`, {
    retry_after_seconds: retryAfter,
  });
}
