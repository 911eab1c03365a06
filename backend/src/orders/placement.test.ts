import { deliveryFeePaise, type Order } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, KUPWARA, makeProduct, makeStore, north, registerUser } from '../../test/factories';
import { advanceOrder, getOrder, HOME, line, makeMarket, newKey, orderBody, postOrder } from '../../test/orders';
import type { Db } from '../platform/db';
import { ANSWER_RETENTION_MS, forgetOldAnswers } from '../platform/idempotency';

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  const test = await makeTestApp();
  app = test.app;
  db = test.platform.database.db;
});
afterAll(() => app.close());

type Session = { access_token: string };

async function stockOf(seller: Session, productId: string) {
  const res = await app.inject({ url: '/api/v1/seller/store', headers: bearer(seller) });
  const storeId = res.json().id as string;
  const page = await app.inject({ url: `/api/v1/stores/${storeId}/products?limit=100` });
  const product = page.json().items.find((p: { id: string }) => p.id === productId);
  return product?.stock as number;
}

const countOrders = async (storeId: string) => {
  const result = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM orders WHERE store_id = ${storeId}`,
  );
  return result.rows[0]?.n;
};

describe('placing an order', () => {
  it('takes the stock, prices it with the delivery fee by distance, and gives the customer the hand-over code', async () => {
    const { seller, store, rice, tea, customer } = await makeMarket(app, db);
    const res = await postOrder(
      app,
      customer,
      orderBody(store.id, [line(rice, 2), line(tea, 1)], { note: 'Ring twice' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json() as Order;
    expect(order).toMatchObject({
      status: 'PENDING',
      version: 1,
      store: { id: store.id, name: 'Lone General Store' },
      customer: { name: 'Shabnam Bhat' },
      rider: null,
      item_count: 3,
      subtotal_paise: 2 * 12_000 + 25_050,
      delivery_fee_paise: deliveryFeePaise(1200),
      total_paise: 2 * 12_000 + 25_050 + deliveryFeePaise(1200),
      payment_method: 'cash',
      delivery_address: HOME,
      note: 'Ring twice',
      items: [
        {
          product_id: rice.id,
          name: 'Basmati Rice',
          unit: '1 kg',
          unit_price_paise: 12_000,
          quantity: 2,
          line_total_paise: 24_000,
        },
        {
          product_id: tea.id,
          name: 'Kahwa Tea',
          unit: '250 g',
          unit_price_paise: 25_050,
          quantity: 1,
          line_total_paise: 25_050,
        },
      ],
      timeline: [{ seq: 1, status: 'PENDING', from_status: null, actor: 'customer', reason: null }],
    });
    expect(Math.abs(order.distance_m - 1200)).toBeLessThanOrEqual(5);
    expect(order.delivery_otp).toMatch(/^\d{4}$/);
    expect(await stockOf(seller, rice.id)).toBe(18);
    expect(await stockOf(seller, tea.id)).toBe(19);

    expect(await getOrder(app, customer, order.id)).toMatchObject({ id: order.id, delivery_otp: order.delivery_otp });
    const sellerView = await getOrder(app, seller, order.id);
    expect(sellerView.customer).toMatchObject({ name: 'Shabnam Bhat' });
    expect(sellerView).not.toHaveProperty('delivery_otp');
  });

  it('keeps the landmark the customer gave, trimmed, for the rider to find the door; none is null', async () => {
    const market = await makeMarket(app, db);
    const place = (landmark?: string) =>
      postOrder(
        app,
        market.customer,
        orderBody(market.store.id, [line(market.rice)], { delivery_address: { ...HOME, landmark } }),
      );
    const res = await place('  Behind the Jamia Masjid, green gate ');
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json() as Order;
    await advanceOrder(app, market, order.id, 'RIDER_ASSIGNED');
    expect((await getOrder(app, market.rider, order.id)).delivery_address).toEqual({
      ...HOME,
      landmark: 'Behind the Jamia Masjid, green gate',
    });
    for (const none of [undefined, '', '   ']) {
      const plain = await place(none);
      expect(plain.statusCode, plain.body).toBe(201);
      expect(plain.json().delivery_address).toEqual({ ...HOME, landmark: null });
    }
  });

  it('answers a replay of the same key with the same order, and a reused key with another body with 422', async () => {
    const { store, rice, tea, customer } = await makeMarket(app, db);
    const key = newKey();
    const first = await postOrder(app, customer, orderBody(store.id, [line(rice)]), key);
    const again = await postOrder(app, customer, orderBody(store.id, [line(rice)]), key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBe('false');

    const other = await postOrder(app, customer, orderBody(store.id, [line(tea)]), key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countOrders(store.id)).toBe(1);

    // Keys belong to one customer: another may use the same string.
    const neighbour = await registerUser(app);
    const theirs = await postOrder(app, neighbour, orderBody(store.id, [line(rice)]), key);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(first.json().id);
  });

  it('forgets an answer after a week, so the key may be used again', async () => {
    const { store, rice, customer } = await makeMarket(app, db);
    const key = newKey();
    const first = await postOrder(app, customer, orderBody(store.id, [line(rice)]), key);
    await forgetOldAnswers(db, new Date(Date.now() + ANSWER_RETENTION_MS - 60_000));
    expect((await postOrder(app, customer, orderBody(store.id, [line(rice)]), key)).json().id).toBe(first.json().id);
    await forgetOldAnswers(db, new Date(Date.now() + ANSWER_RETENTION_MS + 60_000));
    expect((await postOrder(app, customer, orderBody(store.id, [line(rice)]), key)).json().id).not.toBe(
      first.json().id,
    );
  });

  it('places exactly one order per key when a thousand replays of a hundred keys arrive at once', async () => {
    const { store, rice, customer } = await makeMarket(app, db, 1000);
    const keys = Array.from({ length: 100 }, newKey);
    const sends = keys.flatMap((key) => Array.from({ length: 10 }, () => key));
    const responses = await Promise.all(
      sends.map((key) => postOrder(app, customer, orderBody(store.id, [line(rice)]), key)),
    );
    expect(responses.map((res) => res.statusCode).filter((code) => code !== 201)).toEqual([]);
    const idsByKey = new Map<string, Set<string>>();
    responses.forEach((res, i) => {
      const key = sends[i] ?? '';
      idsByKey.set(key, (idsByKey.get(key) ?? new Set()).add(res.json().id));
    });
    expect([...idsByKey.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(await countOrders(store.id)).toBe(100);
  });

  it('sells the last ten units to exactly ten of two hundred buyers at once', async () => {
    const { seller, store } = await makeStore(app);
    const saffron = await makeProduct(app, seller, { name: 'Saffron', price_paise: 30_000, stock: 10 });
    const buyers: Session[] = [];
    for (let i = 0; i < 20; i++)
      buyers.push(...(await Promise.all(Array.from({ length: 10 }, () => registerUser(app)))));
    const responses = await Promise.all(
      buyers.map((buyer) => postOrder(app, buyer, orderBody(store.id, [line(saffron)]))),
    );
    const codes = responses.map((res) => (res.statusCode === 201 ? 'placed' : res.json().error.code));
    expect(codes.filter((code) => code === 'placed')).toHaveLength(10);
    expect(codes.filter((code) => code === 'OUT_OF_STOCK')).toHaveLength(190);
    expect(await stockOf(seller, saffron.id)).toBe(0);
    expect(await countOrders(store.id)).toBe(10);
  });

  it('refuses a price that changed since the cart with 409 PRICE_CHANGED and the current prices, taking nothing', async () => {
    const { seller, store, rice, tea, customer } = await makeMarket(app, db);
    const changed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/seller/products/${rice.id}`,
      headers: bearer(seller),
      payload: { version: rice.version, price_paise: 13_500, mrp_paise: 14_000 },
    });
    expect(changed.statusCode).toBe(200);
    const res = await postOrder(app, customer, orderBody(store.id, [line(rice, 2), line(tea)]));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'PRICE_CHANGED',
      details: {
        items: [
          {
            product_id: rice.id,
            name: 'Basmati Rice',
            price_paise: 13_500,
            seen_price_paise: 12_000,
            requested: 2,
            available: 20,
          },
          { product_id: tea.id, price_paise: 25_050, seen_price_paise: 25_050 },
        ],
      },
    });
    expect(await stockOf(seller, rice.id)).toBe(20);
    expect(await countOrders(store.id)).toBe(0);

    // The cart adopts the new price and the same items go through.
    const retry = await postOrder(app, customer, orderBody(store.id, [{ ...line(rice, 2), unit_price_paise: 13_500 }]));
    expect(retry.statusCode).toBe(201);
  });

  it('names every short item in 409 OUT_OF_STOCK, counting hidden and removed products as none left', async () => {
    const { seller, store, rice, tea, customer } = await makeMarket(app, db, 3);
    const hidden = await makeProduct(app, seller, { name: 'Walnuts', price_paise: 50_000, stock: 9 });
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/seller/products/${hidden.id}`,
      headers: bearer(seller),
      payload: { version: hidden.version, is_available: false },
    });
    await app.inject({ method: 'DELETE', url: `/api/v1/seller/products/${tea.id}`, headers: bearer(seller) });
    const res = await postOrder(app, customer, orderBody(store.id, [line(rice, 5), line(tea), line(hidden)]));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('OUT_OF_STOCK');
    expect(res.json().error.details.items).toEqual([
      expect.objectContaining({ product_id: rice.id, requested: 5, available: 3 }),
      expect.objectContaining({ product_id: tea.id, requested: 1, available: 0 }),
      expect.objectContaining({ product_id: hidden.id, requested: 1, available: 0 }),
    ]);
    expect(await stockOf(seller, rice.id)).toBe(3);
  });

  it('refuses when the shop is closed, too far, or below its minimum, with a code the app can explain', async () => {
    const { seller, store, rice, customer } = await makeMarket(app, db);
    const far = await postOrder(
      app,
      customer,
      orderBody(store.id, [line(rice)], { delivery_address: { ...HOME, location: north(KUPWARA, 9000) } }),
    );
    expect(far.statusCode).toBe(422);
    expect(far.json().error).toMatchObject({ code: 'OUT_OF_DELIVERY_AREA', details: { delivery_radius_m: 5000 } });

    const patchStore = (payload: object) =>
      app.inject({ method: 'PATCH', url: '/api/v1/seller/store', headers: bearer(seller), payload });
    const minimum = await patchStore({ version: store.version, min_order_paise: 20_000 });
    expect(minimum.statusCode, minimum.body).toBe(200);
    const small = await postOrder(app, customer, orderBody(store.id, [line(rice)]));
    expect(small.statusCode).toBe(422);
    expect(small.json().error).toMatchObject({
      code: 'BELOW_MINIMUM_ORDER',
      message: 'Lone General Store takes orders from ₹200: add ₹80 more',
    });

    const closed = await patchStore({ version: minimum.json().version, is_accepting_orders: false });
    expect(closed.statusCode, closed.body).toBe(200);
    const res = await postOrder(app, customer, orderBody(store.id, [line(rice, 2)]));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('STORE_CLOSED');
    expect(await stockOf(seller, rice.id)).toBe(20);
  });

  it('refuses to be paid online when the platform has no payment gateway, placing nothing', async () => {
    const { seller, store, rice, customer } = await makeMarket(app, db);
    const res = await postOrder(app, customer, orderBody(store.id, [line(rice)], { payment_method: 'online' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'PAYMENT_METHOD_NOT_ACCEPTED', details: { accepted: ['cash'] } });
    expect(await countOrders(store.id)).toBe(0);
    expect(await stockOf(seller, rice.id)).toBe(20);
  });

  it('rejects bad requests with 4xx and a code, placing nothing', async () => {
    const { seller, store, rice, customer, rider } = await makeMarket(app, db);
    const other = await makeStore(app);
    const elsewhere = await makeProduct(app, other.seller, { name: 'Apples' });
    const body = orderBody(store.id, [line(rice)]);
    const cases: [string, Awaited<ReturnType<typeof postOrder>>, number, string][] = [
      ['no key', await postOrder(app, customer, body, null), 400, 'VALIDATION_FAILED'],
      ['short key', await postOrder(app, customer, body, 'abc'), 400, 'VALIDATION_FAILED'],
      ['no token', await app.inject({ method: 'POST', url: '/api/v1/orders', payload: body }), 401, 'UNAUTHENTICATED'],
      ['a seller', await postOrder(app, seller, body), 403, 'FORBIDDEN'],
      ['a rider', await postOrder(app, rider, body), 403, 'FORBIDDEN'],
      ['no items', await postOrder(app, customer, { ...body, items: [] }), 400, 'VALIDATION_FAILED'],
      [
        'zero of a thing',
        await postOrder(app, customer, { ...body, items: [line(rice, 0)] }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'the same product twice',
        await postOrder(app, customer, { ...body, items: [line(rice), line(rice)] }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a price in rupees',
        await postOrder(app, customer, { ...body, items: [{ ...line(rice), unit_price_paise: 120.5 }] }),
        400,
        'VALIDATION_FAILED',
      ],
      ['an unknown field', await postOrder(app, customer, { ...body, discount_paise: 5000 }), 400, 'VALIDATION_FAILED'],
      [
        'no address',
        await postOrder(app, customer, { ...body, delivery_address: undefined }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'latitude 200',
        await postOrder(app, customer, { ...body, delivery_address: { ...HOME, location: { lat: 200, lng: 74 } } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a landmark of 121 letters',
        await postOrder(app, customer, { ...body, delivery_address: { ...HOME, landmark: 'x'.repeat(121) } }),
        400,
        'VALIDATION_FAILED',
      ],
      ['card payment', await postOrder(app, customer, { ...body, payment_method: 'card' }), 400, 'VALIDATION_FAILED'],
      [
        'a product of another store',
        await postOrder(app, customer, { ...body, items: [line(elsewhere)] }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'no such store',
        await postOrder(app, customer, { ...body, store_id: '01900000-0000-7000-8000-000000000000' }),
        404,
        'NOT_FOUND',
      ],
    ];
    for (const [what, res, status, code] of cases) {
      expect([what, res.statusCode, res.json().error?.code]).toEqual([what, status, code]);
    }
    expect(await countOrders(store.id)).toBe(0);
    expect(await stockOf(seller, rice.id)).toBe(20);
  });
});
