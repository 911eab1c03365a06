import { carriedEndings, type Order } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer } from '../../test/factories';
import { advanceOrder, getOrder, line, makeMarket, placeOrder, transition } from '../../test/orders';
import type { Db } from '../platform/db';

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  const test = await makeTestApp();
  app = test.app;
  db = test.platform.database.db;
});
afterAll(() => app.close());

const SHOP_PHONE = '+919419000222';

/** A market whose shop has a phone number, and who is who in it. */
async function phonedMarket() {
  const market = await makeMarket(app, db);
  const res = await app.inject({
    method: 'PATCH',
    url: '/api/v1/seller/store',
    headers: bearer(market.seller),
    payload: { version: market.store.version, phone: SHOP_PHONE },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { market, customerPhone: market.customer.user.phone, riderPhone: market.rider.user.phone };
}

/** The numbers each party reads in their view of the order: shop's, customer's, rider's. */
async function phonesSeen(market: Awaited<ReturnType<typeof makeMarket>>, orderId: string) {
  const numbers = (order: Order) => [order.store.phone, order.customer.phone, order.rider?.phone ?? null];
  return {
    rider: numbers(await getOrder(app, market.rider, orderId)),
    seller: numbers(await getOrder(app, market.seller, orderId)),
    customer: numbers(await getOrder(app, market.customer, orderId)),
    operator: numbers(await getOrder(app, market.admin, orderId)),
  };
}

describe('phone numbers in an order', () => {
  it('are there for every party while the delivery is under way', async () => {
    const { market, customerPhone, riderPhone } = await phonedMarket();
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(app, market, order.id, 'IN_TRANSIT');
    const all = [SHOP_PHONE, customerPhone, riderPhone];
    expect(await phonesSeen(market, order.id)).toEqual({ rider: all, seller: all, customer: all, operator: all });
  });

  it.each(carriedEndings)(
    'are gone once the order is %s: each party keeps only their own and the customer the shop’s',
    async (end) => {
      const { market, customerPhone, riderPhone } = await phonedMarket();
      const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
      if (end === 'DELIVERED') {
        await advanceOrder(app, market, order.id, 'DELIVERED');
      } else {
        await advanceOrder(app, market, order.id, 'PICKED_UP');
        const res = await transition(app, market.admin, order.id, { to: 'FAILED', reason: 'Road closed by snow' });
        expect(res.statusCode, res.body).toBe(200);
      }
      expect(await phonesSeen(market, order.id)).toEqual({
        rider: [null, null, riderPhone],
        seller: [SHOP_PHONE, null, null],
        customer: [SHOP_PHONE, customerPhone, null],
        operator: [SHOP_PHONE, customerPhone, riderPhone],
      });
    },
  );
});
