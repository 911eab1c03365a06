import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../../test/app';
import { bearer, registerUser } from '../../../test/factories';

// Writes that fail validation (an empty body) still count: the limit is checked before the body is read.
const markRead = (app: FastifyInstance, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/me/notifications/read', payload: {}, headers, remoteAddress });

const refresh = (app: FastifyInstance, remoteAddress: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    payload: { refresh_token: 'not-a-token' },
    remoteAddress,
  });

const expectRateLimited = (res: Awaited<ReturnType<FastifyInstance['inject']>>, windowS: number) => {
  expect(res.statusCode).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowS);
  expect(res.json()).toEqual({
    error: {
      code: 'RATE_LIMITED',
      message: `Too many attempts: try again in ${retryAfter} s`,
      details: { retry_after_seconds: retryAfter },
    },
  });
};

describe('writes by one user', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await makeTestApp({ writeLimitPerUser: 3 }));
  });
  afterAll(() => app.close());

  it('stop past the limit from any address, while other users and reads go on', async () => {
    const user = await registerUser(app);
    const other = await registerUser(app);
    const codes = [];
    for (const ip of ['10.9.0.1', '10.9.0.2', '10.9.0.3', '10.9.0.4'])
      codes.push((await markRead(app, ip, bearer(user))).statusCode);
    expect(codes).toEqual([400, 400, 400, 429]);
    expectRateLimited(await markRead(app, '10.9.0.5', bearer(user)), 60);
    expect((await markRead(app, '10.9.0.4', bearer(other))).statusCode).toBe(400);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(user), remoteAddress: '10.9.0.4' });
    expect(me.statusCode).toBe(200);
  });
});

describe('writes from one address', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await makeTestApp({ writeLimitPerIp: 5 }));
  });
  afterAll(() => app.close());

  it('stop past the limit, signed in or not, while other addresses and reads go on', async () => {
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await refresh(app, '10.8.0.1')).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400]);
    expectRateLimited(await refresh(app, '10.8.0.1'), 60);
    // Refused before auth: a valid or a missing token makes no difference.
    expectRateLimited(await markRead(app, '10.8.0.1'), 60);
    expect((await refresh(app, '10.8.0.2')).statusCode).toBe(400);
    const read = await app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress: '10.8.0.1' });
    expect(read.statusCode).toBe(401);
  });
});

describe.runIf(process.env.REDIS_URL)('two API processes on one Redis', () => {
  const namespace = `test:${randomUUID()}:`;
  let first: FastifyInstance;
  let second: FastifyInstance;
  beforeAll(async () => {
    // Each on a database of its own: what they share is Redis, under one namespace.
    ({ app: first } = await makeTestApp({ writeLimitPerIp: 5 }, { namespace }));
    ({ app: second } = await makeTestApp({ writeLimitPerIp: 5 }, { namespace }));
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('share the counters: five writes across both, the sixth refused by either', async () => {
    const codes = [];
    for (const app of [first, second, first, second, first]) codes.push((await refresh(app, '10.7.0.1')).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400]);
    expectRateLimited(await refresh(second, '10.7.0.1'), 60);
    expectRateLimited(await refresh(first, '10.7.0.1'), 60);
  });
});

describe.runIf(process.env.REDIS_URL)('with Redis gone', () => {
  it('lets writes through rather than failing them', async () => {
    const { app, platform } = await makeTestApp({ writeLimitPerIp: 1 });
    try {
      expect((await refresh(app, '10.6.0.1')).statusCode).toBe(400);
      expect((await refresh(app, '10.6.0.1')).statusCode).toBe(429);
      platform.redis?.disconnect();
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await refresh(app, '10.6.0.1')).statusCode);
      expect(codes).toEqual([400, 400, 400]);
    } finally {
      await app.close().catch(() => {});
    }
  });
});
