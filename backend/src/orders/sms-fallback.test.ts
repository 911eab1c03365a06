import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/app';
import { bearer } from '../../test/factories';
import { FAKE_TEMPLATES, type FakeMsg91, fakeSmsOptions, startFakeMsg91 } from '../../test/fake-msg91';
import { line, makeMarket, placeOrder, transition } from '../../test/orders';
import { enqueue, wakeRunners } from '../platform/jobs';
import { newOrderSmsJob, orderJobs } from './effects';

const MINUTE = 60_000;
let fake: FakeMsg91;
let main: TestApp;

beforeAll(async () => {
  fake = await startFakeMsg91();
  main = await makeTestApp({ sms: fakeSmsOptions(fake), smsFallbackAfterMs: MINUTE });
});
afterAll(async () => {
  await main.app.close();
  await fake.close();
});

const eventually = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 15_000, interval: 50 });
const dbOf = (test: TestApp) => test.platform.database.db;

const smsJobs = async (test: TestApp, orderId: string) =>
  (
    await dbOf(test).execute<{ run_at_ms: number }>(
      sql`SELECT (extract(epoch FROM run_at) * 1000)::float8 AS run_at_ms FROM jobs WHERE kind = ${orderJobs.newOrderSms} AND payload->>'order_id' = ${orderId}`,
    )
  ).rows;

const smsRows = async (test: TestApp, orderId: string) =>
  (
    await dbOf(test).execute<Record<string, unknown>>(
      sql`SELECT user_id, purpose, template_id, status, error_code FROM sms_messages WHERE order_id = ${orderId}`,
    )
  ).rows;

const textsTo = (phone: string) => fake.sent.filter((sent) => sent.recipient.mobiles === phone.slice(1));
const requestsTo = (phone: string) =>
  fake.requests.filter(
    (request) => (request.body as { recipients?: { mobiles?: string }[] }).recipients?.[0]?.mobiles === phone.slice(1),
  );

/** The fallback time goes by: the order's job is due now; waits until the runner has done it. */
async function timePasses(test: TestApp, orderId: string) {
  await dbOf(test).execute(
    sql`UPDATE jobs SET run_at = now() WHERE kind = ${orderJobs.newOrderSms} AND payload->>'order_id' = ${orderId}`,
  );
  await wakeRunners(test.platform.bus);
  await eventually(async () => expect(await smsJobs(test, orderId)).toEqual([]));
}

describe('a new order the shop has not seen', () => {
  it('texts the seller once, the fallback time after it came, with a link that opens it', async () => {
    const market = await makeMarket(main.app, dbOf(main));
    const order = await placeOrder(main.app, market.customer, market.store.id, [line(market.rice, 2)]);
    expect(await smsJobs(main, order.id)).toEqual([{ run_at_ms: Date.parse(order.placed_at) + MINUTE }]);
    await timePasses(main, order.id);

    expect(await smsRows(main, order.id)).toEqual([
      {
        user_id: market.seller.user.id,
        purpose: 'new_order',
        template_id: FAKE_TEMPLATES.newOrder,
        status: 'sent',
        error_code: null,
      },
    ]);
    const [text, ...more] = textsTo(market.seller.user.phone);
    expect(more).toEqual([]);
    expect(text?.templateId).toBe(FAKE_TEMPLATES.newOrder);
    expect(text?.recipient).toEqual({
      mobiles: market.seller.user.phone.slice(1),
      customer: 'Shabnam Bhat',
      items: '2',
      total: `₹${order.total_paise / 100}`,
      link: expect.stringMatching(/^https:\/\/kupwaracart\.test\/s\/[0-9A-Za-z]{8}$/),
    });
    const opened = await main.app.inject({ url: new URL(text?.recipient.link ?? '').pathname });
    expect(opened.statusCode).toBe(302);
    expect(opened.headers.location).toBe(`/seller/orders/${order.id}`);

    // The job again (a runner that died after sending, say): still one message.
    await enqueue(dbOf(main), [newOrderSmsJob(order.id, new Date(), 0)]);
    await wakeRunners(main.platform.bus);
    await eventually(async () => expect(await smsJobs(main, order.id)).toEqual([]));
    expect(textsTo(market.seller.user.phone)).toHaveLength(1);
    expect(await smsRows(main, order.id)).toHaveLength(1);
  });

  it('texts nobody when someone at the shop opened it', async () => {
    const market = await makeMarket(main.app, dbOf(main));
    const order = await placeOrder(main.app, market.customer, market.store.id, [line(market.rice)]);
    const seen = await main.app.inject({
      method: 'POST',
      url: `/api/v1/seller/orders/${order.id}/seen`,
      headers: bearer(market.seller),
    });
    expect(seen.statusCode, seen.body).toBe(200);
    await timePasses(main, order.id);
    expect(await smsRows(main, order.id)).toEqual([]);
    expect(requestsTo(market.seller.user.phone)).toEqual([]);
  });

  it('texts nobody about an order the shop answered', async () => {
    const market = await makeMarket(main.app, dbOf(main));
    const order = await placeOrder(main.app, market.customer, market.store.id, [line(market.rice)]);
    const accepted = await transition(main.app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 15 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await timePasses(main, order.id);
    expect(await smsRows(main, order.id)).toEqual([]);
    expect(requestsTo(market.seller.user.phone)).toEqual([]);
  });

  it('texts on its own after a short fallback time, when nobody moves the clock', async () => {
    const quick = await makeTestApp({ sms: fakeSmsOptions(fake), smsFallbackAfterMs: 300 });
    try {
      const market = await makeMarket(quick.app, dbOf(quick));
      const order = await placeOrder(quick.app, market.customer, market.store.id, [line(market.tea)]);
      await eventually(async () => expect(await smsRows(quick, order.id)).toMatchObject([{ status: 'sent' }]));
      expect(textsTo(market.seller.user.phone)).toHaveLength(1);
    } finally {
      await quick.app.close();
    }
  });

  it('records a gateway refusal with its code and does not try again', async () => {
    const refused = await makeTestApp({
      sms: fakeSmsOptions(fake, { authKey: 'revoked' }),
      smsFallbackAfterMs: MINUTE,
    });
    try {
      const market = await makeMarket(refused.app, dbOf(refused));
      const order = await placeOrder(refused.app, market.customer, market.store.id, [line(market.rice)]);
      await timePasses(refused, order.id);
      expect(await smsRows(refused, order.id)).toEqual([
        {
          user_id: market.seller.user.id,
          purpose: 'new_order',
          template_id: FAKE_TEMPLATES.newOrder,
          status: 'failed',
          error_code: '207',
        },
      ]);
      expect(requestsTo(market.seller.user.phone)).toHaveLength(1);
      // The job finished: nothing is left to try it again.
      expect(
        (await dbOf(refused).execute(sql`SELECT id FROM jobs WHERE kind = ${orderJobs.newOrderSms}`)).rows,
      ).toEqual([]);
    } finally {
      await refused.app.close();
    }
  });

  it('queues and records nothing when SMS is not configured', async () => {
    const off = await makeTestApp({ smsFallbackAfterMs: 300 });
    try {
      const market = await makeMarket(off.app, dbOf(off));
      const order = await placeOrder(off.app, market.customer, market.store.id, [line(market.rice)]);
      expect(await smsJobs(off, order.id)).toEqual([]);
      expect(await smsRows(off, order.id)).toEqual([]);
      expect(requestsTo(market.seller.user.phone)).toEqual([]);
    } finally {
      await off.app.close();
    }
  });
});
