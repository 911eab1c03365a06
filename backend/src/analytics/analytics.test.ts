import { randomUUID } from 'node:crypto';
import type { Order, StoreAnalytics } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, makeStore, registerUser } from '../../test/factories';
import { advanceOrder, getOrder, line, makeMarket, placeOrder, transition } from '../../test/orders';
import type { Db } from '../platform/db';
import { recordOrderFact, recordOrderLineFacts } from './facts';
import { storeAnalytics } from './store-analytics';

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  const made = await makeTestApp();
  app = made.app;
  db = made.platform.database.db;
});
afterAll(() => app.close());

const analytics = (who: { access_token: string }, range?: string) =>
  app.inject({ url: `/api/v1/seller/analytics${range ? `?range=${range}` : ''}`, headers: bearer(who) });

/** Facts are written by the order jobs after each commit: wait until none is left to run. */
const factsWritten = () =>
  vi.waitFor(
    async () => {
      const { rows } = await db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'order.event'`,
      );
      expect(rows[0]?.n).toBe(0);
    },
    { timeout: 15_000, interval: 50 },
  );

const KOLKATA = 'Asia/Kolkata';
/** An operator cancels as the server does when the shop does not answer in time. */
const NOT_ANSWERED = 'The shop did not answer in time';
const localHour = (iso: string) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: KOLKATA, hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso)),
  );
const localDate = (iso: string | Date) => new Intl.DateTimeFormat('en-CA', { timeZone: KOLKATA }).format(new Date(iso));
const eventAt = (order: Order, status: string) =>
  Date.parse(order.timeline.find((e) => e.status === status)?.occurred_at ?? '');

describe('GET /seller/analytics', () => {
  it("counts a store's orders made and moved through the API", async () => {
    const market = await makeMarket(app, db, 50);
    const { seller, customer, admin, rice, tea } = market;
    const place = (lines: Parameters<typeof line>[]) =>
      placeOrder(
        app,
        customer,
        market.store.id,
        lines.map((args) => line(...args)),
      );
    const big = await place([
      [rice, 2],
      [tea, 1],
    ]);
    const small = await place([[rice, 1]]);
    const refused = await place([[tea, 1]]);
    const changedMind = await place([[rice, 1]]);
    const unanswered = await place([[rice, 1]]);
    const open = await place([[tea, 2]]);
    const waiting = await place([[rice, 1]]);
    await advanceOrder(app, market, big.id, 'DELIVERED');
    await advanceOrder(app, market, small.id, 'DELIVERED');
    await advanceOrder(app, market, open.id, 'ACCEPTED');
    const answers = [
      await transition(app, seller, refused.id, { to: 'REJECTED', reject_reason: 'out_of_stock' }),
      await transition(app, customer, changedMind.id, { to: 'CANCELLED' }),
      await transition(app, admin, unanswered.id, { to: 'CANCELLED', reason: NOT_ANSWERED }),
    ];
    expect(answers.map((res) => res.statusCode)).toEqual([200, 200, 200]);
    await factsWritten();

    const res = await analytics(seller, 'today');
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json() as StoreAnalytics;
    const delivered = [await getOrder(app, seller, big.id), await getOrder(app, seller, small.id)];
    const revenue = big.total_paise + small.total_paise;
    const prep = delivered.map((o) => {
      const readyAt = eventAt(o, 'READY_FOR_PICKUP');
      return (readyAt - eventAt(o, 'ACCEPTED')) / 1000;
    });
    expect(figures).toMatchObject({
      range: 'today',
      time_zone: KOLKATA,
      orders: 7,
      delivered_orders: 2,
      revenue_paise: revenue,
      average_basket_paise: Math.round(revenue / 2),
      // big, small and open accepted; refused rejected; unanswered timed out; changedMind and waiting count neither way.
      acceptance_rate: 3 / 5,
      average_prep_seconds: Math.round((prep[0] ?? 0) / 2 + (prep[1] ?? 0) / 2),
      rejections: [{ reason: 'out_of_stock', orders: 1 }],
      cancellations: [
        { by: 'customer', reason: null, orders: 1 },
        { by: 'system', reason: NOT_ANSWERED, orders: 1 },
      ],
      by_day: [],
    });
    const riceLine = { product_id: rice.id, name: 'Basmati Rice', quantity: 3, revenue_paise: 36_000 };
    const teaLine = { product_id: tea.id, name: 'Kahwa Tea', quantity: 1, revenue_paise: 25_050 };
    expect(figures.top_products).toEqual({ by_quantity: [riceLine, teaLine], by_revenue: [riceLine, teaLine] });

    const placed = [big, small, refused, changedMind, unanswered, open, waiting];
    const expectedHours = Array.from({ length: 24 }, (_, hour) => {
      const inHour = placed.filter((o) => localHour(o.placed_at) === hour);
      const sold = [big, small].filter((o) => localHour(o.placed_at) === hour);
      return { hour, orders: inHour.length, revenue_paise: sold.reduce((sum, o) => sum + o.total_paise, 0) };
    });
    expect(figures.by_hour).toEqual(expectedHours);
    expect(Date.parse(figures.from)).toBeLessThanOrEqual(Date.parse(big.placed_at));
    expect(localDate(figures.from)).toBe(localDate(big.placed_at));

    const week = (await analytics(seller, '7d')).json() as StoreAnalytics;
    expect(week.by_day).toHaveLength(7);
    expect(week.by_day.at(-1)).toEqual({ date: localDate(figures.to), orders: 7, revenue_paise: revenue });
    expect(week.by_day.slice(0, 6).every((day) => day.orders === 0 && day.revenue_paise === 0)).toBe(true);
    expect(week).toMatchObject({ orders: 7, revenue_paise: revenue, acceptance_rate: 3 / 5 });
  });

  it('answers zeros for a store with no orders', async () => {
    const { seller } = await makeStore(app);
    const res = await analytics(seller, '30d');
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json() as StoreAnalytics;
    expect(figures).toMatchObject({
      orders: 0,
      delivered_orders: 0,
      revenue_paise: 0,
      average_basket_paise: null,
      acceptance_rate: null,
      average_prep_seconds: null,
      rejections: [],
      cancellations: [],
      top_products: { by_quantity: [], by_revenue: [] },
    });
    expect(figures.by_hour).toEqual(Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0, revenue_paise: 0 })));
    expect(figures.by_day).toHaveLength(30);
    expect(figures.by_day.at(-1)?.date).toBe(localDate(figures.to));
  });

  it("shows a seller their own store's figures only, and refuses customers, strangers and bad ranges", async () => {
    const market = await makeMarket(app, db);
    await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await factsWritten();
    expect(((await analytics(market.seller)).json() as StoreAnalytics).orders).toBe(1);

    const other = await makeStore(app);
    expect(((await analytics(other.seller)).json() as StoreAnalytics).orders).toBe(0);
    const shopless = await registerUser(app, { role: 'seller' });
    expect((await analytics(shopless)).statusCode).toBe(404);
    const customer = await analytics(market.customer);
    expect(customer.statusCode).toBe(403);
    expect(customer.json().error.code).toBe('FORBIDDEN');
    expect((await app.inject({ url: '/api/v1/seller/analytics' })).statusCode).toBe(401);
    const bad = await analytics(market.seller, 'year');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('storeAnalytics across the shop’s day boundary', () => {
  // Noon in Kupwara on 15 June 2026; local midnight is 18:30 UTC the day before.
  const now = new Date('2026-06-15T06:30:00Z');
  const store = { id: randomUUID(), timeZone: KOLKATA };

  const placedAt = async (iso: string, totalPaise: number) => {
    const orderId = randomUUID();
    const base = { orderId, storeId: store.id, customerId: randomUUID(), itemCount: 1, totalPaise };
    await recordOrderFact(db, { ...base, seq: 1, status: 'PENDING', actor: 'customer', occurredAt: new Date(iso) });
    await recordOrderLineFacts(db, [
      {
        orderId,
        productId: randomUUID(),
        storeId: store.id,
        name: 'Lavasa',
        quantity: 1,
        linePaise: totalPaise,
        placedAt: new Date(iso),
      },
    ]);
  };

  beforeAll(async () => {
    await placedAt('2026-06-14T18:29:00Z', 1_000); // 23:59 on the 14th, local
    await placedAt('2026-06-14T18:31:00Z', 2_000); // 00:01 on the 15th, local
    await placedAt('2026-06-08T18:31:00Z', 4_000); // 00:01 on the 9th: the seventh day back
    await placedAt('2026-06-08T18:29:00Z', 8_000); // 23:59 on the 8th: before it
  });

  it('starts today at local midnight', async () => {
    const today = await storeAnalytics(db, store, 'today', now);
    expect(today).toMatchObject({ from: '2026-06-14T18:30:00.000Z', to: now.toISOString(), orders: 1 });
    expect(today.by_hour.filter((h) => h.orders > 0)).toEqual([{ hour: 0, orders: 1, revenue_paise: 0 }]);
  });

  it('buckets 7 days by local date, the first from its local midnight', async () => {
    const week = await storeAnalytics(db, store, '7d', now);
    expect(week.from).toBe('2026-06-08T18:30:00.000Z');
    expect(week.orders).toBe(3);
    expect(week.by_day.map((d) => d.date)).toEqual([
      '2026-06-09',
      '2026-06-10',
      '2026-06-11',
      '2026-06-12',
      '2026-06-13',
      '2026-06-14',
      '2026-06-15',
    ]);
    expect(week.by_day.map((d) => d.orders)).toEqual([1, 0, 0, 0, 0, 1, 1]);
    expect(week.by_hour.filter((h) => h.orders > 0)).toEqual([
      { hour: 0, orders: 2, revenue_paise: 0 },
      { hour: 23, orders: 1, revenue_paise: 0 },
    ]);
  });
});
