import type { Order } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer } from '../../test/factories';
import { line, makeMarket, placeOrder, transition } from '../../test/orders';
import type { Db } from '../platform/db';

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  const test = await makeTestApp();
  app = test.app;
  db = test.platform.database.db;
});
afterAll(() => app.close());

type Session = { access_token: string };

describe('reading orders', () => {
  it('lists each party its own orders, newest first, a page at a time, filtered by status', async () => {
    const market = await makeMarket(app, db);
    const other = await makeMarket(app, db);
    const placed: Order[] = [];
    for (let i = 0; i < 5; i++)
      placed.push(await placeOrder(app, market.customer, market.store.id, [line(market.rice)]));
    await placeOrder(app, other.customer, other.store.id, [line(other.rice)]);
    await transition(app, market.seller, placed[1]?.id ?? '', { to: 'ACCEPTED', prep_minutes: 20 });

    const list = async (who: Session, query = '') => {
      const res = await app.inject({ url: `/api/v1/orders?${query}`, headers: bearer(who) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { id: string; status: string }[]; next_cursor: string | null };
    };
    const newestFirst = placed.map((order) => order.id).reverse();
    const first = await list(market.customer, 'limit=3');
    const second = await list(market.customer, `limit=3&cursor=${first.next_cursor}`);
    expect([...first.items, ...second.items].map((order) => order.id)).toEqual(newestFirst);
    expect(second.next_cursor).toBeNull();

    expect((await list(market.seller)).items.map((order) => order.id)).toEqual(newestFirst);
    expect((await list(market.seller, 'status=ACCEPTED')).items.map((order) => order.id)).toEqual([placed[1]?.id]);
    const placedOrAccepted = [placed[0]?.status, 'ACCEPTED'].join(',');
    expect((await list(market.seller, `status=${placedOrAccepted}`)).items).toHaveLength(5);
    expect((await list(market.rider)).items).toEqual([]);
    expect((await list(other.customer)).items).toHaveLength(1);

    const bad = await app.inject({ url: '/api/v1/orders?status=LOST', headers: bearer(market.seller) });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const forged = await app.inject({ url: '/api/v1/orders?cursor=WyJ4Il0', headers: bearer(market.seller) });
    expect([forged.statusCode, forged.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const anonymous = await app.inject({ url: '/api/v1/orders' });
    expect(anonymous.statusCode).toBe(401);
  });
});
