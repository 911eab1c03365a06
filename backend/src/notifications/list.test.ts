import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer } from '../../test/factories';
import { advanceOrder, line, makeMarket, placeOrder } from '../../test/orders';
import type { Db } from '../platform/db';

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  const test = await makeTestApp();
  app = test.app;
  db = test.platform.database.db;
});
afterAll(() => app.close());

const list = (who: { access_token: string }, query = '') =>
  app.inject({ url: `/api/v1/me/notifications${query}`, headers: bearer(who) });

describe('a person’s notifications', () => {
  it('lists what each was told, newest first, a page at a time, and nobody else’s', async () => {
    const market = await makeMarket(app, db);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(app, market, order.id, 'PREPARING');
    await vi.waitFor(
      async () => {
        const res = await list(market.customer);
        expect(res.json().items.map((n: { data: { order_id: string } }) => n.data.order_id)).toEqual([
          order.id,
          order.id,
        ]);
      },
      { timeout: 15_000, interval: 100 },
    );
    const all = (await list(market.customer)).json().items;
    expect(all.map((n: { title: string }) => n.title)).toEqual(['Being prepared', 'Order accepted']);

    const first = (await list(market.customer, '?limit=1')).json();
    expect(first.items.map((n: { id: string }) => n.id)).toEqual([all[0].id]);
    const second = (await list(market.customer, `?limit=1&cursor=${first.next_cursor}`)).json();
    expect(second.items.map((n: { id: string }) => n.id)).toEqual([all[1].id]);

    // The seller was told of the new order; the customer's list has nothing of theirs.
    const sellers = (await list(market.seller)).json().items.map((n: { id: string }) => n.id);
    expect(sellers.length).toBeGreaterThan(0);
    expect(sellers.filter((id: string) => all.some((n: { id: string }) => n.id === id))).toEqual([]);

    expect((await list(market.customer, '?cursor=bm9wZQ')).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/v1/me/notifications' })).statusCode).toBe(401);
  });

  it('counts what is unread, and marks read what the person opened, theirs only and up to what they saw', async () => {
    const market = await makeMarket(app, db);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(app, market, order.id, 'READY_FOR_PICKUP');
    await vi.waitFor(async () => expect((await list(market.customer)).json().items).toHaveLength(3), {
      timeout: 15_000,
      interval: 100,
    });
    const page = (await list(market.customer)).json();
    expect(page.unread_count).toBe(3);
    expect(page.items.map((n: { read_at: string | null }) => n.read_at)).toEqual([null, null, null]);
    const [newest, middle, oldest] = page.items.map((n: { id: string }) => n.id);
    const read = (who: { access_token: string }, url: string, payload: object) =>
      app.inject({ method: 'POST', url: `/api/v1/me/notifications/${url}`, headers: bearer(who), payload });

    // Someone else's ids change nothing of theirs, and say nothing either.
    const sellerUnread = (await list(market.seller)).json().unread_count;
    const stranger = await read(market.seller, 'read', { ids: [oldest] });
    expect(stranger.statusCode).toBe(200);
    expect(stranger.json()).toEqual({ unread_count: sellerUnread });
    expect((await list(market.customer)).json().unread_count).toBe(3);

    const once = await read(market.customer, 'read', { ids: [oldest] });
    expect(once.json()).toEqual({ unread_count: 2 });
    const after = (await list(market.customer)).json().items;
    expect(after.find((n: { id: string }) => n.id === oldest).read_at).not.toBeNull();

    // Everything up to the one the app showed: news newer than it stays unread.
    expect((await read(market.customer, 'read-all', { up_to: middle })).json()).toEqual({ unread_count: 1 });
    expect(
      (await list(market.customer))
        .json()
        .items.map((n: { id: string; read_at: string | null }) => [n.id, n.read_at === null]),
    ).toEqual([
      [newest, true],
      [middle, false],
      [oldest, false],
    ]);
    expect((await read(market.customer, 'read-all', {})).json()).toEqual({ unread_count: 0 });

    expect((await read(market.customer, 'read', { ids: [] })).statusCode).toBe(400);
    expect((await read(market.customer, 'read', { ids: ['nope'] })).statusCode).toBe(400);
    expect((await read(market.customer, 'read-all', { up_to: 42 })).statusCode).toBe(400);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/me/notifications/read-all', payload: {} })).statusCode,
    ).toBe(401);
  });
});
