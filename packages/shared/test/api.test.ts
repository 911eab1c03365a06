import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../src/client';
import { clientFor, makeMarket, registerUser, startBackend } from './backend';

let backend: Awaited<ReturnType<typeof startBackend>>;
let market: Awaited<ReturnType<typeof makeMarket>>;

beforeAll(async () => {
  backend = await startBackend();
  market = await makeMarket(backend.app, backend.platform.database.db);
});
afterAll(() => backend.app.close());

const expired = (session: typeof market.customer) => ({ ...session, access_token: `${session.access_token}x` });

describe('the API client', () => {
  it('refreshes once for ten calls that all met a 401, and sends each again with the new token', async () => {
    const { api, sessions, sent } = clientFor(backend.url, expired(market.customer));
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.call('getMe', {})));
    expect(answers.map((me) => me.id)).toEqual(Array(10).fill(market.customer.user.id));
    expect(sent.filter((line) => line === 'POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(sent.filter((line) => line === 'GET /api/v1/me')).toHaveLength(20);
    const renewed = sessions.store.getState().session;
    expect(renewed?.refresh_token).not.toBe(market.customer.refresh_token);
    // The next call goes with the new token, straight through.
    sent.length = 0;
    await api.call('getMe', {});
    expect(sent).toEqual(['GET /api/v1/me']);
  });

  it('refreshes again with the same token when the answer to a refresh was lost, and stays one login', async () => {
    const me = await registerUser(backend.app);
    let lost = 0;
    // The server rotated the token, but the phone never heard back (the link dropped on the way).
    const losingFirstRefresh: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/auth/refresh') && lost++ === 0) throw new TypeError('network connection lost');
      return response;
    };
    const { api, sessions, sent } = clientFor(backend.url, expired(me), losingFirstRefresh);
    await expect(api.call('getMe', {})).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(sessions.store.getState().session?.refresh_token).toBe(me.refresh_token);

    expect((await api.call('getMe', {})).id).toBe(me.user.id);
    expect(sent.filter((line) => line.endsWith('/auth/refresh'))).toHaveLength(2);
    const renewed = sessions.store.getState().session;
    expect(renewed?.refresh_token).not.toBe(me.refresh_token);
    // The retried answer carried on the login the lost one began: it refreshes, and is not revoked.
    expect(await api.refresh()).toBe(true);
    expect((await api.call('getMe', {})).id).toBe(me.user.id);
  });

  it('logs out when the refresh is refused, and says UNAUTHENTICATED', async () => {
    const session = { ...expired(market.seller), refresh_token: 'not-a-refresh-token' };
    const { api, sessions, sent } = clientFor(backend.url, session);
    const calls = await Promise.allSettled(Array.from({ length: 3 }, () => api.call('getMyStore', {})));
    for (const call of calls) {
      expect(call.status).toBe('rejected');
      if (call.status === 'rejected') expect(call.reason).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    }
    expect(sent.filter((line) => line.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(sessions.store.getState().session).toBeNull();
  });

  it('gives the server’s error code and message, typed', async () => {
    const { api } = clientFor(backend.url, market.customer);
    const missing = await api
      .call('getOrder', { params: { id: '01900000-0000-7000-8000-000000000000' } })
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ status: 404, code: 'NOT_FOUND', transient: false });
    const invalid = await api
      .call('placeOrder', {
        body: { store_id: market.store.id, items: [], payment_method: 'cash' } as never,
        idempotencyKey: 'a-key-of-mine',
      })
      .catch((error: unknown) => error);
    expect(invalid).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('passes path parameters and queries, and answers 204 with null', async () => {
    const { api } = clientFor(backend.url, market.customer);
    const page = await api.call('storeProducts', { params: { id: market.store.id }, query: { q: 'rice' } });
    expect(page.items.map((product) => product.name)).toEqual(['Basmati Rice']);
    const created = await api.call('createAddress', {
      body: { label: 'Home', text: 'Near the bridge', location: { lat: 34.53, lng: 74.25 } },
    });
    expect(await api.call('deleteAddress', { params: { id: created.id } })).toBeNull();
  });

  it('says TIMEOUT when the server does not answer, and NETWORK_ERROR when nothing listens', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const slow = clientFor(`http://127.0.0.1:${port}`, market.customer);
    const { createApiClient } = await import('../src/client');
    const impatient = createApiClient({
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      tokens: slow.sessions.tokens,
      timeoutMs: 300,
    });
    await expect(impatient.call('getMe', {})).rejects.toMatchObject({ status: 0, code: 'TIMEOUT', transient: true });
    silent.close();
    const nobody = clientFor(`http://127.0.0.1:${port}`, market.customer);
    await expect(nobody.api.call('getMe', {})).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});
