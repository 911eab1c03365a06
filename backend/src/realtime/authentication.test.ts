import { channels, type Session } from '@kupwara/shared';
import { isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/app';
import { clonePostgresTemplate } from '../../test/databases';
import { bearer, PASSWORD, registerUser } from '../../test/factories';
import { line, makeMarket, placeOrder, transition } from '../../test/orders';
import {
  isEvent,
  listen,
  liveTestApp,
  openSocket,
  seqsOn,
  settle,
  signedInSocket,
  subscribe,
} from '../../test/sockets';
import { refreshTokens } from '../accounts/tables';
import { createTokenSigner } from '../accounts/tokens';
import { openPostgres } from '../platform/db';

// Short, so a socket that never signs in is closed within the test; long enough that a socket whose
// token expired can be used (an HTTP move, a refused subscribe) before it sends a fresh one, on a
// loaded machine too.
const live = liveTestApp({ realtime: { authTimeoutMs: 2000 } });

/** A token of the user that expires one to two seconds from now (tokens last 15 minutes, to the second). */
const expiringToken = (user: { id: string }) =>
  createTokenSigner(live.config.jwtSecret).sign(
    { id: user.id, role: 'customer', sessionId: 'test' },
    new Date(Date.now() - 15 * 60_000 + 2000),
  );

async function orderOfItsOwn() {
  const market = await makeMarket(live.app, live.db);
  const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
  return { market, order, channel: channels.order(order.id) };
}

describe('signing in on the socket', () => {
  it('closes a socket that does not authenticate, and refuses anything before it does', async () => {
    const client = live.track(await openSocket(live.url));
    client.send({ type: 'subscribe', channel: channels.rider('01900000-0000-7000-8000-000000000000') });
    expect(await client.next((frame) => frame.type === 'error')).toMatchObject({ code: 'UNAUTHENTICATED' });
    client.send({ type: 'auth', token: 'not-a-token' });
    await client.next((frame) => frame.type === 'error' && frame.message === 'Invalid access token');
    expect(await client.closed).toEqual({ code: 4401, reason: 'authenticate first' });
  });

  it('says TOKEN_EXPIRED when the token runs out, drops the subscriptions, and takes a fresh token on the same socket', async () => {
    const { market, order, channel } = await orderOfItsOwn();
    const client = live.track(await openSocket(live.url));
    client.send({ type: 'auth', token: (await expiringToken(market.customer.user)).token });
    await client.next((frame) => frame.type === 'authenticated');
    expect(await subscribe(client, channel, 0)).toEqual({ type: 'subscribed', channel });
    await client.next(isEvent(channel, 1));
    await client.next((frame) => frame.type === 'error' && frame.code === 'TOKEN_EXPIRED', 4000);

    // Signed out, the socket hears nothing of what it followed, and may not follow anything.
    expect((await transition(live.app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 })).statusCode).toBe(
      200,
    );
    client.send({ type: 'subscribe', channel, since: 1 });
    await client.next((frame) => frame.type === 'error' && frame.code === 'UNAUTHENTICATED');
    await settle();
    expect(seqsOn(client, channel)).toEqual([1]);

    client.send({ type: 'auth', token: market.customer.access_token });
    await client.next((frame, i = client.frames.indexOf(frame)) => frame.type === 'authenticated' && i > 0);
    await subscribe(client, channel, 1);
    await client.next(isEvent(channel, 2));
    expect(seqsOn(client, channel)).toEqual([1, 2]);
  });

  it('closes a socket whose token expired and that sent no fresh one in time', async () => {
    const { market } = await orderOfItsOwn();
    const client = live.track(await openSocket(live.url));
    client.send({ type: 'auth', token: (await expiringToken(market.customer.user)).token });
    await client.next((frame) => frame.type === 'authenticated');
    await client.next((frame) => frame.type === 'error' && frame.code === 'TOKEN_EXPIRED', 4000);
    expect(await client.closed).toEqual({ code: 4401, reason: 'authenticate first' });
  });

  it('keeps the subscriptions when the same account sends a fresh token', async () => {
    const { market, order, channel } = await orderOfItsOwn();
    const client = live.track(await signedInSocket(live.url, market.customer));
    await subscribe(client, channel);
    const fresh = await createTokenSigner(live.config.jwtSecret).sign({
      id: market.customer.user.id,
      role: 'customer',
      sessionId: 'test',
    });
    client.send({ type: 'auth', token: fresh.token });
    await client.next((frame, i = client.frames.indexOf(frame)) => frame.type === 'authenticated' && i > 0);
    expect((await transition(live.app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 })).statusCode).toBe(
      200,
    );
    await client.next(isEvent(channel, 2));
  });

  it('starts from nothing when another account signs in on the same socket', async () => {
    const { market, order, channel } = await orderOfItsOwn();
    const client = live.track(await signedInSocket(live.url, market.customer));
    await subscribe(client, channel);
    client.send({ type: 'auth', token: market.seller.access_token });
    const seller = await client.next(
      (frame) => frame.type === 'authenticated' && frame.user_id === market.seller.user.id,
    );
    expect(seller).toMatchObject({ type: 'authenticated', user_id: market.seller.user.id });
    expect((await transition(live.app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 })).statusCode).toBe(
      200,
    );
    await settle();
    expect(seqsOn(client, channel)).toEqual([]);
  });
});

describe('a socket of a login that ends', () => {
  const post = (url: string, payload: object, headers = {}) =>
    live.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });

  const causes: Record<string, (ended: Session, kept: Session) => Promise<unknown>> = {
    logout: (ended) => post('/auth/logout', { refresh_token: ended.refresh_token }),
    'a password change on another login': (_, kept) =>
      live.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: bearer(kept),
        payload: { current_password: PASSWORD, new_password: 'apple-orchard-31' },
      }),
    'a reused refresh token': async (ended) => {
      await post('/auth/refresh', { refresh_token: ended.refresh_token });
      // Past the grace in which a lost answer may be asked for again.
      await live.db
        .update(refreshTokens)
        .set({ usedAt: new Date(Date.now() - 60_000) })
        .where(isNotNull(refreshTokens.usedAt));
      await post('/auth/refresh', { refresh_token: ended.refresh_token });
    },
  };

  for (const [cause, end] of Object.entries(causes)) {
    it(`is signed out and closed at once after ${cause}, and the token is refused on a new one`, async () => {
      const { market, order, channel } = await orderOfItsOwn();
      const ended = market.customer;
      const kept = (await post('/auth/login', { phone: ended.user.phone, password: PASSWORD })).json() as Session;
      const client = await live.connect(ended);
      const other = await live.connect(kept);
      await subscribe(client, channel);
      await subscribe(other, channel);

      await end(ended, kept);
      expect(await client.next((frame) => frame.type === 'error')).toEqual({
        type: 'error',
        code: 'UNAUTHENTICATED',
        message: 'This login has ended: log in again',
      });
      expect(await client.closed).toEqual({ code: 4409, reason: 'login ended' });

      const again = live.track(await openSocket(live.url));
      again.send({ type: 'auth', token: ended.access_token });
      expect(await again.next((frame) => frame.type === 'error')).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'This login has ended: log in again',
      });
      // The person's other login hears on.
      expect(
        (await transition(live.app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 })).statusCode,
      ).toBe(200);
      await other.next(isEvent(channel, 2));
    });
  }

  it('leaves other people signed in', async () => {
    const stranger = await registerUser(live.app);
    const client = await live.connect(stranger);
    const someone = await registerUser(live.app);
    await post('/auth/logout', { refresh_token: someone.refresh_token });
    client.send({ type: 'ping' });
    await client.next((frame) => frame.type === 'pong');
    await settle();
    expect(client.frames.filter((frame) => frame.type === 'error')).toEqual([]);
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });
});

describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('a login ended through another API process', () => {
  it('is refused here at once, on HTTP and on the socket', async () => {
    const clone = await clonePostgresTemplate(process.env.DATABASE_URL ?? '');
    const namespace = `test:two-nodes-logout:${Date.now()}:`;
    const nodes = [];
    for (let i = 0; i < 2; i++) {
      const database = await openPostgres(clone.url, 4);
      nodes.push(await makeTestApp({ jwtSecret: 'k'.repeat(48) }, { database, namespace }));
    }
    const [{ app: a }, { app: b }] = nodes as [TestApp, TestApp];
    try {
      const user = await registerUser(b);
      const client = live.track(await signedInSocket(await listen(a), user));
      const me = () => a.inject({ url: '/api/v1/me', headers: bearer(user) });
      expect((await me()).statusCode).toBe(200);

      await b.inject({ method: 'POST', url: '/api/v1/auth/logout', payload: { refresh_token: user.refresh_token } });
      expect((await me()).statusCode).toBe(401);
      expect(await client.closed).toEqual({ code: 4409, reason: 'login ended' });
    } finally {
      await Promise.all(nodes.map((node) => node.app.close()));
      await clone.drop();
    }
  });
});
