import { type Session, session as sessionSchema } from '@kupwara/shared';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, PASSWORD, registerUser } from '../../test/factories';
import type { Platform } from '../platform/platform';
import { refreshTokens } from './tables';
import { hashRefreshToken } from './tokens';

let app: FastifyInstance;
let platform: Platform;

beforeAll(async () => {
  ({ app, platform } = await makeTestApp());
});
afterAll(() => app.close());

const post = (url: string, payload: object, headers = {}) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });
const refresh = (refreshToken: string) => post('/auth/refresh', { refresh_token: refreshToken });
const meStatus = async (session: { access_token: string }) =>
  (await app.inject({ url: '/api/v1/me', headers: bearer(session) })).statusCode;
const login = async (phone: string) =>
  sessionSchema.parse((await post('/auth/login', { phone, password: PASSWORD })).json());
const refreshed = async (refreshToken: string) => {
  const res = await refresh(refreshToken);
  expect(res.statusCode, res.body).toBe(200);
  return sessionSchema.parse(res.json());
};

/** The refresh families (logins) the user has, and how many tokens each holds. */
async function familiesOf(userId: string) {
  const rows = await platform.database.db
    .select({ familyId: refreshTokens.familyId, tokens: sql<number>`count(*)::int` })
    .from(refreshTokens)
    .where(eq(refreshTokens.userId, userId))
    .groupBy(refreshTokens.familyId);
  return rows.map((row) => row.tokens).sort();
}

/** As if the token had been traded in this long ago (the grace is 20 s in tests, as by default). */
const usedAgo = (seconds: number) =>
  platform.database.db
    .update(refreshTokens)
    .set({ usedAt: sql`${refreshTokens.usedAt} - make_interval(secs => ${seconds})` })
    .where(sql`${refreshTokens.usedAt} IS NOT NULL`);

const REFUSED = { error: { code: 'UNAUTHENTICATED', message: 'Refresh token is not valid: log in again' } };

describe('a refresh whose answer was lost', () => {
  it('is answered again, within the grace, with the very same pair', async () => {
    const first = await registerUser(app);
    const lost = await refreshed(first.refresh_token);
    const retried = await refreshed(first.refresh_token);
    expect(retried).toEqual(lost);
    expect(retried.refresh_token).not.toBe(first.refresh_token);
    expect(await meStatus(retried)).toBe(200);
    expect(await familiesOf(first.user.id)).toEqual([2]);
  });

  it('leaves one login: the new pair carries on, and logging out with it ends every copy', async () => {
    const first = await registerUser(app);
    const lost = await refreshed(first.refresh_token);
    const retried = await refreshed(first.refresh_token);
    const next = await refreshed(retried.refresh_token);
    expect(await meStatus(next)).toBe(200);
    expect(await familiesOf(first.user.id)).toEqual([3]);

    expect((await post('/auth/logout', { refresh_token: next.refresh_token })).statusCode).toBe(204);
    for (const copy of [lost, retried, next]) expect(await meStatus(copy)).toBe(401);
    expect((await refresh(next.refresh_token)).json()).toEqual(REFUSED);
  });

  it('is theft after the grace: the whole login is revoked, its access tokens at once', async () => {
    const first = await registerUser(app);
    const other = await login(first.user.phone);
    const legit = await refreshed(first.refresh_token);
    await usedAgo(21);

    const replay = await refresh(first.refresh_token);
    expect([replay.statusCode, replay.json()]).toEqual([401, REFUSED]);
    expect((await refresh(legit.refresh_token)).statusCode).toBe(401);
    expect(await meStatus(legit)).toBe(401);
    expect(await meStatus(first)).toBe(401);
    // Another login of the same person is not the stolen one.
    expect(await meStatus(other)).toBe(200);
    expect((await refresh(other.refresh_token)).statusCode).toBe(200);
  });

  it('is theft, even within the grace, once the new token was itself used (the phone moved on)', async () => {
    const first = await registerUser(app);
    const second = await refreshed(first.refresh_token);
    const third = await refreshed(second.refresh_token);

    expect((await refresh(first.refresh_token)).json()).toEqual(REFUSED);
    expect((await refresh(third.refresh_token)).statusCode).toBe(401);
    expect(await meStatus(third)).toBe(401);
  });

  it('sent twice at once gives both the same pair, and one login', async () => {
    const first = await registerUser(app);
    const [a, b] = await Promise.all([refresh(first.refresh_token), refresh(first.refresh_token)]);
    expect([a?.statusCode, b?.statusCode]).toEqual([200, 200]);
    expect(a?.json()).toEqual(b?.json());
    expect(await familiesOf(first.user.id)).toEqual([2]);
    expect(await meStatus(sessionSchema.parse(a?.json()))).toBe(200);
  });
});

describe('access tokens of an ended login', () => {
  /** Two logins of one person: `ended` is ended by `end`, `kept` goes on. */
  async function endOne(end: (ended: Session, kept: Session) => Promise<unknown>) {
    const ended = await registerUser(app);
    const kept = await login(ended.user.phone);
    expect(await meStatus(ended)).toBe(200);
    await end(ended, kept);
    return { ended, kept };
  }

  const causes: Record<string, (ended: Session, kept: Session) => Promise<unknown>> = {
    logout: (ended) => post('/auth/logout', { refresh_token: ended.refresh_token }),
    'a password change on another login': (_, kept) =>
      app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: bearer(kept),
        payload: { current_password: PASSWORD, new_password: 'apple-orchard-31' },
      }),
    'a reused refresh token': async (ended) => {
      await refreshed(ended.refresh_token);
      await usedAgo(21);
      await refresh(ended.refresh_token);
    },
  };

  for (const [cause, end] of Object.entries(causes)) {
    it(`stop working at once after ${cause}, and only that login's`, async () => {
      const { ended, kept } = await endOne(end);
      const res = await app.inject({ url: '/api/v1/me', headers: bearer(ended) });
      expect([res.statusCode, res.json()]).toEqual([
        401,
        { error: { code: 'UNAUTHENTICATED', message: 'This login has ended: log in again' } },
      ]);
      expect(await meStatus(kept)).toBe(200);
    });
  }

  /** Runs `body` with the cache's get and set replaced, as when Redis is down or forgets. */
  async function withCache(broken: Pick<Platform['cache'], 'getStrict' | 'set'>, body: () => Promise<void>) {
    const { getStrict, set } = platform.cache;
    Object.assign(platform.cache, broken);
    try {
      await body();
    } finally {
      Object.assign(platform.cache, { getStrict, set });
    }
  }
  const failing = async () => {
    throw new Error('cache down');
  };

  it('stay refused when the cache fails: the database is asked instead', async () => {
    const ended = await registerUser(app);
    const kept = await login(ended.user.phone);
    // Ended by another API process whose word never reached this one's cache.
    await platform.database.db
      .update(refreshTokens)
      .set({ revokedAt: new Date() })
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(ended.refresh_token)));
    await withCache({ getStrict: failing, set: failing }, async () => {
      expect(await meStatus(ended)).toBe(401);
      expect(await meStatus(kept)).toBe(200);
    });
  });

  it('stay refused when the cache forgot them (evicted, or Redis restarted empty), if ended here', async () => {
    await withCache({ getStrict: async () => undefined, set: async () => {} }, async () => {
      const { ended, kept } = await endOne((session) => post('/auth/logout', { refresh_token: session.refresh_token }));
      expect(await meStatus(ended)).toBe(401);
      expect(await meStatus(kept)).toBe(200);
    });
  });
});
