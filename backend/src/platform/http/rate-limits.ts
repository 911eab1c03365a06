import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { AppError } from './errors';

/** One limit: at most `max` requests in `windowMs` for each key. */
export interface LimitRule {
  /** Names the counters: every check naming it counts against the same ones, so one name is one rule. */
  name: string;
  max: number;
  windowMs: number;
  /** Whose requests count together (an IP, a user, an account); undefined: the rule does not apply. */
  key(request: FastifyRequest): string | undefined;
}

/** Counts the request against every rule; past any of them it ends in 429 RATE_LIMITED with Retry-After. */
export type LimitCheck = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Builds the check of some rules, once, at registration. */
    limits(rules: readonly LimitRule[]): LimitCheck;
  }
}

export interface RateLimitsOptions {
  /** Counters in Redis are shared by every API process, so a limit holds however many there are. */
  redis: Redis | undefined;
  /** Prefix of the counters' keys in Redis. */
  nameSpace: string;
}

/**
 * @fastify/rate-limit's counters (in Redis when there is one, in memory otherwise) behind our own
 * check, so that one request can count against several limits (its IP and its account) and every
 * refusal is the one error contract.
 */
export const rateLimits = fp<RateLimitsOptions>(async (app: FastifyInstance, { redis, nameSpace }) => {
  await app.register(fastifyRateLimit, {
    global: false,
    // A Redis outage lets requests through rather than failing them: limits are armour, not a gate.
    skipOnError: true,
    ...(redis ? { redis, nameSpace } : {}),
  });
  // One counter a rule name, however many checks use it (sign-ups and logins share the per-IP one).
  const named = new Map<string, ReturnType<FastifyInstance['createRateLimit']>>();
  const counterOf = (rule: LimitRule) => {
    const existing = named.get(rule.name);
    if (existing) return existing;
    const count = app.createRateLimit({
      max: rule.max,
      timeWindow: rule.windowMs,
      keyGenerator: (request) => `${rule.name}:${rule.key(request)}`,
    });
    named.set(rule.name, count);
    return count;
  };
  app.decorate('limits', (rules: readonly LimitRule[]): LimitCheck => {
    const counters = rules.map((rule) => ({ rule, count: counterOf(rule) }));
    return async (request, reply) => {
      const applying = counters.filter(({ rule }) => rule.key(request) !== undefined);
      const results = await Promise.all(applying.map(({ count }) => count(request)));
      const waits = results.flatMap((result) => (!result.isAllowed && result.isExceeded ? [result.ttlInSeconds] : []));
      if (waits.length === 0) return;
      const retryAfter = Math.max(1, ...waits);
      reply.header('retry-after', String(retryAfter));
      throw new AppError(429, 'RATE_LIMITED', `Too many attempts: try again in ${retryAfter} s`, {
        retry_after_seconds: retryAfter,
      });
    };
  });
});
