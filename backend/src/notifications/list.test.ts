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
});
