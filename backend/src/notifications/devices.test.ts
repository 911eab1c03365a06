import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, PASSWORD, registerUser } from '../../test/factories';
import type { Db } from '../platform/db';
import { devices } from './tables';

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  const test = await makeTestApp();
  app = test.app;
  db = test.platform.database.db;
});
afterAll(() => app.close());

let serial = 0;
const newToken = () => `ExponentPushToken[test-${Date.now().toString(36)}-${serial++}xxxx]`;
const phone = (token: string, over: Record<string, unknown> = {}) => ({
  expo_push_token: token,
  platform: 'android',
  app: 'customer',
  locale: 'en',
  ...over,
});
const register = (who: { access_token: string }, payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/v1/devices', headers: bearer(who), payload: payload as object });
const remove = (who: { access_token: string } | undefined, token: string) =>
  app.inject({
    method: 'DELETE',
    url: `/api/v1/devices/${encodeURIComponent(token)}`,
    headers: who ? bearer(who) : {},
  });
const ownerOf = async (token: string) => {
  const rows = await db.select().from(devices);
  return rows.find((row) => row.expoPushToken === token)?.userId;
};

describe('a person’s phones', () => {
  it('registers several phones for one person, and again the same phone changes nothing but its details', async () => {
    const customer = await registerUser(app);
    const [first, second] = [newToken(), newToken()];
    const res = await register(customer, phone(first));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ expo_push_token: first, platform: 'android', app: 'customer', locale: 'en' });
    expect((await register(customer, phone(second, { platform: 'ios' }))).statusCode).toBe(200);
    const again = await register(customer, phone(first, { locale: 'ur' }));
    expect(again.json()).toMatchObject({ locale: 'ur', created_at: res.json().created_at });
    expect(await ownerOf(first)).toBe(customer.user.id);
    expect(await ownerOf(second)).toBe(customer.user.id);
  });

  it('moves a token to the person now signed in on that phone: the first gets nothing more on it', async () => {
    const [before, after] = [await registerUser(app), await registerUser(app, { role: 'seller' })];
    const token = newToken();
    await register(before, phone(token));
    expect((await register(after, phone(token, { app: 'seller' }))).statusCode).toBe(200);
    expect(await ownerOf(token)).toBe(after.user.id);
    // The one who had it can no longer remove it: it is not theirs.
    expect((await remove(before, token)).statusCode).toBe(404);
    expect(await ownerOf(token)).toBe(after.user.id);
  });

  it('removes one’s own phone, and nobody else’s', async () => {
    const [owner, stranger] = [await registerUser(app), await registerUser(app)];
    const token = newToken();
    await register(owner, phone(token));
    const refused = await remove(stranger, token);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('NOT_FOUND');
    expect((await remove(undefined, token)).statusCode).toBe(401);
    expect(await ownerOf(token)).toBe(owner.user.id);
    expect((await remove(owner, token)).statusCode).toBe(204);
    expect(await ownerOf(token)).toBeUndefined();
    expect((await remove(owner, token)).statusCode).toBe(404);
  });

  it('forgets the phone of a login that signs out, and keeps the person’s other phones', async () => {
    const customer = await registerUser(app);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: customer.user.phone, password: PASSWORD },
    });
    const other = login.json();
    const [here, there] = [newToken(), newToken()];
    await register(customer, phone(here));
    await register(other, phone(there));
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refresh_token: customer.refresh_token },
    });
    expect(out.statusCode).toBe(204);
    expect(await ownerOf(here)).toBeUndefined();
    expect(await ownerOf(there)).toBe(customer.user.id);
  });

  it('refuses what is not a device, with the field that is wrong', async () => {
    const customer = await registerUser(app);
    const cases: [unknown, string][] = [
      [phone('not-a-token'), 'expo_push_token'],
      [phone('ExponentPushToken[]'), 'expo_push_token'],
      [phone(`ExponentPushToken[${'x'.repeat(500)}]`), 'expo_push_token'],
      [phone(newToken(), { platform: 'windows' }), 'platform'],
      [phone(newToken(), { app: 'admin' }), 'app'],
      [phone(newToken(), { locale: 'english please' }), 'locale'],
      [{ platform: 'android', app: 'customer' }, 'expo_push_token'],
    ];
    for (const [payload, field] of cases) {
      const res = await register(customer, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    expect((await remove(customer, 'not-a-token')).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/v1/devices', payload: phone(newToken()) })).statusCode).toBe(
      401,
    );
    expect(await db.select().from(devices)).not.toContainEqual(expect.objectContaining({ userId: customer.user.id }));
  });
});
