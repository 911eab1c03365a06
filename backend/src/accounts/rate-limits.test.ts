import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { PASSWORD, registerUser, uniquePhone } from '../../test/factories';

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await makeTestApp({ authLimitPerIp: 8, authLimitPerAccount: 3 }));
});
afterAll(() => app.close());

const login = (phone: string, remoteAddress: string, password = 'wrong-password') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password }, remoteAddress });

describe('login and sign-up limits', () => {
  it('stop guessing one account’s password, from any address, with 429 and Retry-After', async () => {
    const user = await registerUser(app);
    const codes = [];
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'])
      codes.push((await login(user.user.phone, ip)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const blocked = await login(user.user.phone, '10.0.0.5', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(blocked.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/^Too many attempts: try again in \d+ s$/),
        details: { retry_after_seconds: Number(blocked.headers['retry-after']) },
      },
    });
  });

  it('stop one address trying many accounts, while other addresses go on', async () => {
    const codes = [];
    for (let i = 0; i < 9; i++) codes.push((await login(uniquePhone(), '10.1.1.1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);
    expect((await login(uniquePhone(), '10.1.1.2')).statusCode).toBe(401);
  });

  it('count sign-ups per address too', async () => {
    const register = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        remoteAddress: '10.2.2.2',
        payload: { name: 'Bot', phone: uniquePhone(), password: PASSWORD, role: 'customer' },
      });
    const codes = [];
    for (let i = 0; i < 9; i++) codes.push((await register()).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 429]);
  });
});
