import { session as sessionSchema } from '@kupwara/shared';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, PASSWORD, registerUser, uniquePhone } from '../../test/factories';
import type { Platform } from '../platform/platform';
import { refreshTokens, users } from './tables';

let app: FastifyInstance;
let platform: Platform;

beforeAll(async () => {
  ({ app, platform } = await makeTestApp());
});
afterAll(() => app.close());

const post = (url: string, payload: unknown, headers = {}) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers });
const getMe = (session: { access_token: string }) => app.inject({ url: '/api/v1/me', headers: bearer(session) });

describe('register', () => {
  it('creates a customer and starts a session', async () => {
    const phone = uniquePhone();
    const res = await post('/auth/register', {
      name: '  Mehbooba Mir ',
      phone: `${phone.slice(3, 8)} ${phone.slice(8)}`,
      email: 'Mehbooba@Example.COM',
      password: 'walnut-tree-7',
      role: 'customer',
    });
    expect(res.statusCode).toBe(201);
    const body = sessionSchema.parse(res.json());
    expect(body.user).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/),
      role: 'customer',
      name: 'Mehbooba Mir',
      phone,
      email: 'mehbooba@example.com',
      created_at: expect.any(String),
      rider: null,
    });
    const accessLife = Date.parse(body.access_token_expires_at) - Date.now();
    expect(accessLife).toBeGreaterThan(14 * 60_000);
    expect(accessLife).toBeLessThanOrEqual(15 * 60_000);
    const refreshLife = Date.parse(body.refresh_token_expires_at) - Date.now();
    expect(Math.round(refreshLife / 86_400_000)).toBe(30);
    expect((await getMe(body)).json()).toEqual(body.user);
  });

  it('stores an argon2id hash, never the password, and only a hash of the refresh token', async () => {
    const session = await registerUser(app);
    const [row] = await platform.database.db.select().from(users).where(eq(users.id, session.user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.passwordHash).not.toContain(PASSWORD);
    const tokens = await platform.database.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.userId, session.user.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens[0]?.tokenHash).not.toBe(session.refresh_token);
  });

  it('gives a rider a vehicle and leaves them unavailable until they go online', async () => {
    const rider = await registerUser(app, { role: 'rider', vehicle_type: 'scooter' });
    expect(rider.user.rider).toEqual({ vehicle_type: 'scooter', is_available: false });
    const missing = await post('/auth/register', {
      name: 'R',
      phone: uniquePhone(),
      password: PASSWORD,
      role: 'rider',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields).toEqual([
      { field: 'body.vehicle_type', message: 'is required for riders' },
    ]);
    const notRider = await post('/auth/register', {
      name: 'C',
      phone: uniquePhone(),
      password: PASSWORD,
      role: 'customer',
      vehicle_type: 'car',
    });
    expect(notRider.json().error.details.fields).toEqual([
      { field: 'body.vehicle_type', message: 'is only for riders' },
    ]);
  });

  it('never makes an admin', async () => {
    const res = await post('/auth/register', { name: 'Root', phone: uniquePhone(), password: PASSWORD, role: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['body.role']);
  });

  it('answers a phone number already in use, however it is typed, with 409', async () => {
    const first = await registerUser(app);
    const local = first.user.phone.slice(3);
    const res = await post('/auth/register', { name: 'Twin', phone: `0${local}`, password: PASSWORD, role: 'seller' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: {
        code: 'CONFLICT',
        message: 'An account with this phone number already exists',
        details: { field: 'phone' },
      },
    });
  });

  it('answers an email already in use with 409, ignoring case', async () => {
    await registerUser(app, { email: 'shared@kupwara.in' });
    const res = await post('/auth/register', {
      name: 'Other',
      phone: uniquePhone(),
      email: 'SHARED@kupwara.in',
      password: PASSWORD,
      role: 'customer',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ field: 'email' });
  });
});

describe('login', () => {
  it('accepts the phone in any usual form, or the email', async () => {
    const user = await registerUser(app, { email: 'login@kupwara.in' });
    const byPhone = await post('/auth/login', { phone: user.user.phone.slice(3), password: PASSWORD });
    expect(byPhone.statusCode).toBe(200);
    expect(byPhone.json().user).toEqual(user.user);
    const byEmail = await post('/auth/login', { email: 'LOGIN@kupwara.in', password: PASSWORD });
    expect(byEmail.statusCode).toBe(200);
    expect(byEmail.json().refresh_token).not.toBe(byPhone.json().refresh_token);
  });

  it('says the same thing for a wrong password and an unknown account', async () => {
    const user = await registerUser(app);
    const wrong = await post('/auth/login', { phone: user.user.phone, password: 'not-my-password' });
    const unknown = await post('/auth/login', { phone: uniquePhone(), password: PASSWORD });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: 'Wrong phone number, email or password' },
      });
    }
  });

  it('needs exactly one of phone and email', async () => {
    const both = await post('/auth/login', { phone: uniquePhone(), email: 'a@b.in', password: 'x' });
    const neither = await post('/auth/login', { password: 'x' });
    for (const res of [both, neither]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields).toEqual([{ field: 'body.phone', message: 'give either phone or email' }]);
    }
  });
});

describe('refresh tokens', () => {
  it('rotate: each refresh gives a new pair and uses up the old refresh token', async () => {
    const first = await registerUser(app);
    const res = await post('/auth/refresh', { refresh_token: first.refresh_token });
    expect(res.statusCode).toBe(200);
    const second = sessionSchema.parse(res.json());
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.user).toEqual(first.user);
    expect((await getMe(second)).statusCode).toBe(200);
    const third = await post('/auth/refresh', { refresh_token: second.refresh_token });
    expect(third.statusCode).toBe(200);
  });

  it('revoke the whole family when a used one comes back, and leave other sessions alone', async () => {
    const stolen = await registerUser(app);
    const otherDevice = (await post('/auth/login', { phone: stolen.user.phone, password: PASSWORD })).json();
    const legit = (await post('/auth/refresh', { refresh_token: stolen.refresh_token })).json();
    // Past the grace in which a lost answer may be asked for again (sessions.test.ts).
    await platform.database.db
      .update(refreshTokens)
      .set({ usedAt: new Date(Date.now() - 60_000) })
      .where(and(eq(refreshTokens.userId, stolen.user.id), isNotNull(refreshTokens.usedAt)));

    const replay = await post('/auth/refresh', { refresh_token: stolen.refresh_token });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Refresh token is not valid: log in again' },
    });
    // The thief's copy was used first by the legitimate app: its successor dies with the family.
    expect((await post('/auth/refresh', { refresh_token: legit.refresh_token })).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refresh_token: otherDevice.refresh_token })).statusCode).toBe(200);
  });

  it('refuse an expired or unknown refresh token', async () => {
    const user = await registerUser(app);
    await platform.database.db
      .update(refreshTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(refreshTokens.userId, user.user.id));
    expect((await post('/auth/refresh', { refresh_token: user.refresh_token })).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refresh_token: 'x'.repeat(43) })).statusCode).toBe(401);
  });

  it('die with logout, for this session only', async () => {
    const user = await registerUser(app);
    const other = (await post('/auth/login', { phone: user.user.phone, password: PASSWORD })).json();
    const rotated = (await post('/auth/refresh', { refresh_token: user.refresh_token })).json();
    const out = await post('/auth/logout', { refresh_token: rotated.refresh_token });
    expect([out.statusCode, out.body]).toEqual([204, '']);
    expect((await post('/auth/refresh', { refresh_token: rotated.refresh_token })).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refresh_token: other.refresh_token })).statusCode).toBe(200);
    // Logging out twice, or with a token we never issued, is not an error.
    expect((await post('/auth/logout', { refresh_token: rotated.refresh_token })).statusCode).toBe(204);
    expect((await post('/auth/logout', { refresh_token: 'y'.repeat(43) })).statusCode).toBe(204);
  });
});

describe('me', () => {
  it('needs a token', async () => {
    const res = await app.inject({ url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('changes name and email, and removes the email with null', async () => {
    const user = await registerUser(app);
    const patch = (payload: object) =>
      app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(user), payload });
    const renamed = await patch({ name: 'Aamir Lone Sahib', email: 'aamir@kupwara.in' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toEqual({ ...user.user, name: 'Aamir Lone Sahib', email: 'aamir@kupwara.in' });
    expect((await patch({ email: null })).json().email).toBeNull();
    expect((await patch({})).statusCode).toBe(400);
    expect((await patch({ phone: '+919999999999' })).statusCode).toBe(400);
    expect((await patch({ vehicle_type: 'car' })).json().error.details.fields[0]).toEqual({
      field: 'body.vehicle_type',
      message: 'is only for riders',
    });
  });

  it('lets a rider change vehicle', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer(rider),
      payload: { vehicle_type: 'bicycle' },
    });
    expect(res.json().rider).toEqual({ vehicle_type: 'bicycle', is_available: false });
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const user = await registerUser(app);
    const other = (await post('/auth/login', { phone: user.user.phone, password: PASSWORD })).json();
    const patch = (payload: object) =>
      app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(user), payload });
    const wrong = await patch({ current_password: 'guess', new_password: 'pashmina-shawl-9' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields).toEqual([
      { field: 'body.current_password', message: 'is not your current password' },
    ]);
    expect((await patch({ new_password: 'pashmina-shawl-9' })).statusCode).toBe(400);

    expect((await patch({ current_password: PASSWORD, new_password: 'pashmina-shawl-9' })).statusCode).toBe(200);
    expect((await post('/auth/login', { phone: user.user.phone, password: PASSWORD })).statusCode).toBe(401);
    expect((await post('/auth/login', { phone: user.user.phone, password: 'pashmina-shawl-9' })).statusCode).toBe(200);
    expect((await post('/auth/refresh', { refresh_token: other.refresh_token })).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refresh_token: user.refresh_token })).statusCode).toBe(200);
  });
});
