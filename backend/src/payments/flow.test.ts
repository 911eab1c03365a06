import type { Order } from '@kupwara/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makePaymentsTestApp, type PaymentsTestApp } from '../../test/app';
import { bearer, registerUser } from '../../test/factories';
import { advanceOrder, getOrder, line, makeMarket, placeOrder } from '../../test/orders';
import {
  checkoutOf,
  eventsTo,
  ledgerOf,
  noticesOf,
  paidOrder,
  payAndVerify,
  startPayment,
  verify,
} from '../../test/payments';
import type { Db } from '../platform/db';
import { enqueue, wakeRunners } from '../platform/jobs';
import { jobs } from '../platform/tables';
import { paymentJobs } from './deps';
import { gatewayEvents, gatewayOrders } from './tables';

let t: PaymentsTestApp;
let db: Db;

beforeAll(async () => {
  t = await makePaymentsTestApp();
  db = t.platform.database.db;
});
afterAll(() => t.close());

async function onlineOrder(stock = 20) {
  const market = await makeMarket(t.app, db, stock);
  const order = await placeOrder(t.app, market.customer, market.store.id, [line(market.rice, 2)], 'online');
  expect(order.status).toBe('AWAITING_PAYMENT');
  return { ...market, order };
}

/** Brings the order's next job of this kind forward to now, as if its time had come. */
async function runNow(kind: string, orderId: string) {
  await db.execute(sql`UPDATE ${jobs} SET run_at = now() WHERE kind = ${kind} AND payload->>'order_id' = ${orderId}`);
  await wakeRunners(t.platform.bus);
}

const sellerSees = async (seller: { access_token: string }, orderId: string) =>
  (await t.app.inject({ url: `/api/v1/orders/${orderId}`, headers: bearer(seller) })).statusCode;

describe('paying online', () => {
  it('opens the checkout once per order, and a paid order goes to the shop that never saw it before', async () => {
    const { order, customer, seller } = await onlineOrder();
    expect(await sellerSees(seller, order.id)).toBe(404);

    const [first, second] = await Promise.all([
      checkoutOf(t.app, customer, order.id),
      checkoutOf(t.app, customer, order.id),
    ]);
    expect(first).toMatchObject({
      gateway: 'razorpay',
      key_id: 'rzp_test_kupwara',
      gateway_order_id: expect.stringMatching(/^order_/),
      amount_paise: order.total_paise,
      currency: 'INR',
      checkout_url: t.fake.checkoutUrl,
      name: 'Lone General Store',
      prefill: { name: 'Shabnam Bhat' },
      pay_by: order.payment.pay_by,
    });
    expect(second.gateway_order_id).toBe(first.gateway_order_id);
    expect(t.fake.orders.get(first.gateway_order_id)).toMatchObject({ amount: order.total_paise, receipt: order.id });
    expect(await db.select().from(gatewayOrders).where(eq(gatewayOrders.orderId, order.id))).toHaveLength(1);

    const { res } = await payAndVerify(t.app, t.fake, customer, order.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'PENDING', payment: { method: 'online', state: 'paid', pay_by: null } });
    expect(await sellerSees(seller, order.id)).toBe(200);

    // The fake's webhooks of the same payment arrive too: nothing happens twice.
    await vi.waitFor(
      async () => {
        const events = await db.select().from(gatewayEvents);
        expect(events.filter((e) => e.processedAt === null)).toHaveLength(0);
        expect(events.length).toBeGreaterThan(0);
      },
      { timeout: 15_000 },
    );
    const ledger = await ledgerOf(db, order.id);
    expect(ledger.map((row) => [row.kind, row.status])).toEqual([['charge', 'captured']]);
    expect(await eventsTo(db, order.id, 'PENDING')).toHaveLength(1);
    await vi.waitFor(async () => expect(await noticesOf(db, seller.user.id, 'seller.new_order')).toHaveLength(1), {
      timeout: 15_000,
    });

    const seen = await getOrder(t.app, customer, order.id);
    expect(seen.payment.history).toEqual([
      expect.objectContaining({
        kind: 'charge',
        status: 'captured',
        amount_paise: order.total_paise,
        instrument: 'upi',
      }),
    ]);
    const paid = (seen.payment.history ?? []).filter((e) => e.kind === 'charge' && e.status === 'captured');
    expect(paid.reduce((sum, e) => sum + e.amount_paise, 0)).toBe(order.total_paise);
    // The shop sees how it was paid, not the ledger.
    const shop = (await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: bearer(seller) })).json() as Order;
    expect(shop.payment).toEqual({ method: 'online', state: 'paid', pay_by: null });
  });

  it('captures an authorized payment at the gateway before the order goes to the shop', async () => {
    const { order, customer } = await onlineOrder();
    const { res, payment } = await payAndVerify(t.app, t.fake, customer, order.id, { capture: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'PENDING' });
    expect(t.fake.payment(payment.id).status).toBe('captured');
  });

  it('refuses a forged verify and changes nothing', async () => {
    const { order, customer } = await onlineOrder();
    const { gateway_order_id } = await checkoutOf(t.app, customer, order.id);
    // A real payment, whose news does not reach us: only the forged verify could change anything.
    t.sendWebhooks(false);
    const { payment } = t.fake.pay(gateway_order_id);
    t.sendWebhooks(true);
    const forged = await verify(t.app, customer, order.id, {
      razorpay_order_id: gateway_order_id,
      razorpay_payment_id: payment.id,
      razorpay_signature: 'a'.repeat(64),
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.code).toBe('PAYMENT_SIGNATURE_INVALID');

    // Another order's signed payment is not this order's.
    const other = await onlineOrder();
    const theirs = await payAndVerify(t.app, t.fake, other.customer, other.order.id);
    const borrowed = await verify(t.app, customer, order.id, {
      razorpay_order_id: theirs.gatewayOrderId,
      razorpay_payment_id: theirs.payment.id,
      razorpay_signature: theirs.signature,
    });
    expect(borrowed.statusCode).toBe(400);
    expect(borrowed.json().error.code).toBe('PAYMENT_SIGNATURE_INVALID');

    expect(await ledgerOf(db, order.id)).toEqual([]);
    expect((await getOrder(t.app, customer, order.id)).status).toBe('AWAITING_PAYMENT');
  });

  it("answers 404 for someone else's order, and 409 for an order not awaiting a payment", async () => {
    const { order, customer, store, rice } = await onlineOrder();
    const stranger = await registerUser(t.app, { name: 'Someone Else' });
    expect((await startPayment(t.app, stranger, order.id)).statusCode).toBe(404);
    const { gateway_order_id } = await checkoutOf(t.app, customer, order.id);
    const { payment, signature } = t.fake.pay(gateway_order_id);
    const body = {
      razorpay_order_id: gateway_order_id,
      razorpay_payment_id: payment.id,
      razorpay_signature: signature,
    };
    const res = await verify(t.app, stranger, order.id, body);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');

    const cash = await placeOrder(t.app, customer, store.id, [line(rice)], 'cash');
    const refused = await startPayment(t.app, customer, cash.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'PAYMENT_NOT_AWAITED', details: { status: 'PENDING' } });
  });

  it('answers 503 when the gateway fails, and the next try works', async () => {
    const { order, customer } = await onlineOrder();
    t.fake.failNext(1, 502);
    const res = await startPayment(t.app, customer, order.id);
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('PAYMENT_GATEWAY_UNAVAILABLE');
    expect((await startPayment(t.app, customer, order.id)).statusCode).toBe(200);
  });

  it('says not captured for a payment that failed', async () => {
    const { order, customer } = await onlineOrder();
    const { res } = await payAndVerify(t.app, t.fake, customer, order.id, { fail: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PAYMENT_NOT_CAPTURED');
    await vi.waitFor(async () => expect((await ledgerOf(db, order.id)).map((row) => row.status)).toEqual(['failed']), {
      timeout: 15_000,
    });
    expect((await getOrder(t.app, customer, order.id)).status).toBe('AWAITING_PAYMENT');
  });
});

describe('webhooks', () => {
  const post = (payload: string, headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/razorpay',
      headers: { 'content-type': 'application/json', ...headers },
      payload,
    });

  it('refuses a bad or missing signature before reading anything, and stores nothing', async () => {
    const before = (await db.select().from(gatewayEvents)).length;
    const body = JSON.stringify({ event: 'payment.captured', payload: {} });
    for (const headers of [{ 'x-razorpay-signature': 'f'.repeat(64) }, {}]) {
      const res = await post(body, { 'x-razorpay-event-id': 'evt_forged000001', ...headers });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('BAD_REQUEST');
    }
    const { order, customer } = await onlineOrder();
    const { gateway_order_id } = await checkoutOf(t.app, customer, order.id);
    t.sendWebhooks(false);
    const { payment } = t.fake.pay(gateway_order_id);
    t.sendWebhooks(true);
    const status = await t.fake.webhook(t.webhookUrl, 'payment.captured', { payment }, { signature: 'b'.repeat(64) });
    expect(status).toBe(400);
    expect(await db.select().from(gatewayEvents)).toHaveLength(before);
    expect((await getOrder(t.app, customer, order.id)).status).toBe('AWAITING_PAYMENT');
  });

  it('applies the same webhook sent 50 times at once exactly once', async () => {
    const { order, customer, seller } = await onlineOrder();
    const { gateway_order_id } = await checkoutOf(t.app, customer, order.id);
    t.sendWebhooks(false);
    const { payment } = t.fake.pay(gateway_order_id, { capture: false });
    t.sendWebhooks(true);
    const same = { eventId: `evt_same${order.id.replaceAll('-', '').slice(-12)}` };
    const statuses = await Promise.all([
      ...Array.from({ length: 50 }, () => t.fake.webhook(t.webhookUrl, 'payment.authorized', { payment }, same)),
      // And the same news under other ids: a capture is still one.
      ...Array.from({ length: 5 }, () => t.fake.webhook(t.webhookUrl, 'payment.authorized', { payment })),
    ]);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(await db.select().from(gatewayEvents).where(eq(gatewayEvents.eventId, same.eventId))).toHaveLength(1);
    await vi.waitFor(async () => expect((await getOrder(t.app, customer, order.id)).status).toBe('PENDING'), {
      timeout: 15_000,
    });
    await vi.waitFor(
      async () => {
        const left = await db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM ${jobs} WHERE kind = ${paymentJobs.webhook}`,
        );
        expect(left.rows[0]?.n).toBe(0);
      },
      { timeout: 15_000 },
    );
    expect((await ledgerOf(db, order.id)).map((row) => [row.kind, row.status])).toEqual([['charge', 'captured']]);
    expect(await eventsTo(db, order.id, 'PENDING')).toHaveLength(1);
    const captures = t.fake.requests.filter((r) => r.path === `/v1/payments/${payment.id}/capture` && r.status === 200);
    expect(captures).toHaveLength(1);
    expect(await sellerSees(seller, order.id)).toBe(200);
  });

  it('finds a payment whose webhook was lost when it reconciles', async () => {
    const { order, customer } = await onlineOrder();
    const { gateway_order_id } = await checkoutOf(t.app, customer, order.id);
    t.sendWebhooks(false);
    t.fake.pay(gateway_order_id);
    t.sendWebhooks(true);
    // The app closed before it could verify, and no webhook came: the first check finds the payment.
    await runNow(paymentJobs.reconcile, order.id);
    await vi.waitFor(async () => expect((await getOrder(t.app, customer, order.id)).status).toBe('PENDING'), {
      timeout: 15_000,
    });
    expect((await ledgerOf(db, order.id)).map((row) => row.status)).toEqual(['captured']);
  });
});

describe('refunds', () => {
  it('refunds a paid order the shop rejects once, and tells the customer', async () => {
    const market = await onlineOrder();
    const { order, customer } = market;
    const { payment } = await paidOrder(t.app, t.fake, customer, order.id);
    // Two more asks for the same refund at the same moment, beside the one the rejection queues.
    const ask = { kind: paymentJobs.refund, payload: { order_id: order.id, reason: 'rejected' } };
    await advanceOrder(t.app, market, order.id, 'REJECTED');
    await enqueue(db, [ask, ask]);
    await wakeRunners(t.platform.bus);
    await vi.waitFor(async () => expect((await getOrder(t.app, customer, order.id)).payment.state).toBe('refunded'), {
      timeout: 15_000,
    });
    expect([...t.fake.refunds.values()].filter((r) => r.payment_id === payment.id)).toHaveLength(1);
    const seen = await getOrder(t.app, customer, order.id);
    expect(seen.payment.history?.map((e) => [e.kind, e.status, e.reason, e.amount_paise])).toEqual([
      ['charge', 'captured', null, order.total_paise],
      ['refund', 'processed', 'rejected', order.total_paise],
    ]);
    expect(seen.payment.history?.[1]?.reference).toMatch(/^rfnd_/);
    await vi.waitFor(
      async () => {
        expect(await noticesOf(db, customer.user.id, 'customer.refund_started')).toHaveLength(1);
        expect(await noticesOf(db, customer.user.id, 'customer.refunded')).toHaveLength(1);
      },
      { timeout: 15_000 },
    );
    const [started] = await noticesOf(db, customer.user.id, 'customer.refund_started');
    expect(started?.title).toMatch(/^Refund of ₹[\d,.]+ started$/);
  });

  it('refunds a payment captured after its order failed for want of it', async () => {
    const { order, customer, seller } = await onlineOrder();
    const { gateway_order_id } = await checkoutOf(t.app, customer, order.id);
    await runNow(paymentJobs.timeout, order.id);
    await vi.waitFor(async () => expect((await getOrder(t.app, customer, order.id)).status).toBe('FAILED'), {
      timeout: 15_000,
    });
    // The customer paid at the last second; the gateway says so afterwards.
    const { payment } = t.fake.pay(gateway_order_id);
    await vi.waitFor(async () => expect((await getOrder(t.app, customer, order.id)).payment.state).toBe('refunded'), {
      timeout: 15_000,
    });
    const seen = await getOrder(t.app, customer, order.id);
    expect(seen.status).toBe('FAILED');
    expect(seen.payment.history?.map((e) => [e.kind, e.status, e.reason])).toEqual([
      ['charge', 'captured', null],
      ['refund', 'processed', 'failed'],
    ]);
    expect([...t.fake.refunds.values()].filter((r) => r.payment_id === payment.id)).toHaveLength(1);
    expect(await sellerSees(seller, order.id)).toBe(404);
  });

  it('refunds a second payment of an order already paid, and the order stays paid', async () => {
    const { order, customer } = await onlineOrder();
    const { gateway_order_id } = await checkoutOf(t.app, customer, order.id);
    await paidOrder(t.app, t.fake, customer, order.id);
    const { payment: second } = t.fake.pay(gateway_order_id);
    await vi.waitFor(
      async () => {
        const refunds = (await ledgerOf(db, order.id)).filter((row) => row.kind === 'refund');
        expect(refunds.map((row) => [row.reason, row.status])).toEqual([['duplicate', 'processed']]);
      },
      { timeout: 15_000 },
    );
    expect([...t.fake.refunds.values()].filter((r) => r.payment_id === second.id)).toHaveLength(1);
    expect((await getOrder(t.app, customer, order.id)).payment.state).toBe('paid');
  });
});
