import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makePaymentsTestApp, type PaymentsTestApp } from '../../test/app';
import { bearer } from '../../test/factories';
import { getOrder, line, makeMarket, placeOrder } from '../../test/orders';
import { checkoutOf, ledgerOf, noticesOf } from '../../test/payments';
import { notifications } from '../notifications/tables';
import type { Db } from '../platform/db';
import { PAYMENT_TIMEOUT_REASON } from './reconcile';

let t: PaymentsTestApp;
let db: Db;

// Two seconds to pay: the order is placed and never paid.
beforeAll(async () => {
  t = await makePaymentsTestApp({ paymentTimeoutMs: 2000 });
  db = t.platform.database.db;
});
afterAll(() => t.close());

const stockOf = async (productId: string) => {
  const result = await db.execute<{ stock: number }>(sql`SELECT stock FROM products WHERE id = ${productId}`);
  return result.rows[0]?.stock;
};

describe('a payment that never comes', () => {
  it('fails the order at its time to pay: the stock goes back, the customer is told, the shop never saw it', async () => {
    const { customer, seller, store, rice } = await makeMarket(t.app, db, 10);
    const order = await placeOrder(t.app, customer, store.id, [line(rice, 3)], 'online');
    expect(await stockOf(rice.id)).toBe(7);
    // The customer opened the checkout and gave up there.
    await checkoutOf(t.app, customer, order.id);

    await vi.waitFor(async () => expect((await getOrder(t.app, customer, order.id)).status).toBe('FAILED'), {
      timeout: 15_000,
    });
    const failed = await getOrder(t.app, customer, order.id);
    expect(failed.timeline.at(-1)).toMatchObject({ actor: 'system', reason: PAYMENT_TIMEOUT_REASON });
    expect(failed.payment).toMatchObject({ method: 'online', state: 'void', history: [] });
    await vi.waitFor(async () => expect(await stockOf(rice.id)).toBe(10), { timeout: 15_000 });
    await vi.waitFor(async () => expect(await noticesOf(db, customer.user.id, 'customer.failed')).toHaveLength(1), {
      timeout: 15_000,
    });

    const shop = await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: bearer(seller) });
    expect(shop.statusCode).toBe(404);
    const list = await t.app.inject({ url: '/api/v1/orders', headers: bearer(seller) });
    expect(list.json().items).toEqual([]);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, seller.user.id), sql`${notifications.data}->>'order_id' = ${order.id}`));
    expect(told).toEqual([]);
    expect(await ledgerOf(db, order.id)).toEqual([]);
  });
});
