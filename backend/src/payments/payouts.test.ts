import type { Order, SellerPayouts } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, makeProduct, makeStore, registerUser } from '../../test/factories';
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

type Session = { access_token: string };
type Market = Awaited<ReturnType<typeof makeMarket>>;

const payouts = async (seller: Session, query = '') => {
  const res = await app.inject({ url: `/api/v1/seller/payouts${query}`, headers: bearer(seller) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SellerPayouts;
};

const HOUR = 3600_000;
/** A calendar day in a zone, as the API writes it. */
const dayIn = (zone: string, at: Date) => at.toLocaleDateString('en-CA', { timeZone: zone });
/** The zone's midnight that starts the day `at` falls in (zones here have no summer time). */
function midnightIn(zone: string, at: Date, offsetHours: number) {
  const [y, m, d] = dayIn(zone, at).split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - offsetHours * HOUR);
}

/**
 * An order of `bags` of rice delivered through the API, then moved to `at` (when it was delivered).
 * Paid online: the order is placed cash and its method changed in the database, since this slice
 * is not where an online payment is captured; the payouts read only the method and the delivery.
 */
async function deliveredAt(market: Market, bags: number, at: Date, method: 'cash' | 'online' = 'cash') {
  const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice, bags)]);
  await advanceOrder(app, market, order.id, 'DELIVERED');
  await db.execute(
    sql`UPDATE orders SET updated_at = ${at.toISOString()}::timestamptz, payment_method = ${method} WHERE id = ${order.id}`,
  );
  return order;
}

describe('what a shop is owed', () => {
  it('per day of its own time zone, newest first, every day included, cash and online apart, items only', async () => {
    const market = await makeMarket(app, db, 100);
    const zone = 'Asia/Kolkata';
    const now = new Date();
    // Yesterday's midnight in Kolkata: ten minutes either side fall on two different local days.
    const yesterday = midnightIn(zone, new Date(midnightIn(zone, now, 5.5).getTime() - HOUR), 5.5);
    const lateYesterday = new Date(yesterday.getTime() + 10 * 60_000);
    const lateDayBefore = new Date(yesterday.getTime() - 10 * 60_000);

    const cashToday = await deliveredAt(market, 2, now);
    const onlineToday = await deliveredAt(market, 1, now, 'online');
    const cashYesterday = await deliveredAt(market, 3, lateYesterday);
    const onlineYesterday = await deliveredAt(market, 1, lateYesterday, 'online');
    const dayBefore = await deliveredAt(market, 1, lateDayBefore);
    // Nothing for what is not delivered, another shop's delivery, or a delivery before the range.
    await advanceOrder(
      app,
      market,
      (await placeOrder(app, market.customer, market.store.id, [line(market.rice)])).id,
      'IN_TRANSIT',
    );
    const other = await makeStore(app, { name: 'Mir Bakery' });
    const bread = await makeProduct(app, other.seller, { name: 'Girda', price_paise: 1_000 });
    await deliveredAt({ ...market, ...other, rice: bread }, 1, now);
    await deliveredAt(market, 1, new Date(now.getTime() - 10 * 24 * HOUR));

    const items = (order: Order) => order.subtotal_paise;
    const day = (at: Date, orders: number, cash: number, online: number) => ({
      date: dayIn(zone, at),
      orders,
      cash_paise: cash,
      online_paise: online,
      owed_paise: cash + online,
    });
    const three = await payouts(market.seller, '?days=3');
    expect(three).toEqual({
      days: [
        day(now, 2, items(cashToday), items(onlineToday)),
        day(lateYesterday, 2, items(cashYesterday), items(onlineYesterday)),
        day(lateDayBefore, 1, items(dayBefore), 0),
      ],
      total_owed_paise:
        items(cashToday) + items(onlineToday) + items(cashYesterday) + items(onlineYesterday) + items(dayBefore),
    });
    // The delivery fee pays the ride: it is not the shop's.
    expect(cashToday.total_paise - cashToday.subtotal_paise).toBe(cashToday.delivery_fee_paise);
    expect(items(cashYesterday)).toBe(3 * 12_000);

    // A week by default: the days with nothing are there, at nought.
    const week = await payouts(market.seller);
    expect(week.days).toHaveLength(7);
    expect(week.days.slice(0, 3)).toEqual(three.days);
    expect(week.days.slice(3).map((d) => [d.orders, d.owed_paise])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(week.total_owed_paise).toBe(three.total_owed_paise);
  });

  it('counts a day in the shop’s zone, not the server’s: the same delivery moves day with the zone', async () => {
    const market = await makeMarket(app, db);
    const now = new Date();
    // Just after midnight, yesterday in Kolkata (+05:30); at that instant it is still the day before in Los Angeles.
    const at = new Date(midnightIn('Asia/Kolkata', new Date(now.getTime() - 24 * HOUR), 5.5).getTime() + 60_000);
    await deliveredAt(market, 1, at);
    const kolkata = await payouts(market.seller, '?days=31');
    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/v1/seller/store',
      headers: bearer(market.seller),
      payload: {
        version: (await app.inject({ url: '/api/v1/seller/store', headers: bearer(market.seller) })).json().version,
        time_zone: 'America/Los_Angeles',
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const losAngeles = await payouts(market.seller, '?days=31');
    const dated = (list: SellerPayouts) => list.days.filter((d) => d.orders > 0).map((d) => d.date);
    expect(dated(kolkata)).toEqual([dayIn('Asia/Kolkata', at)]);
    expect(dated(losAngeles)).toEqual([dayIn('America/Los_Angeles', at)]);
    expect(dayIn('America/Los_Angeles', at)).not.toBe(dayIn('Asia/Kolkata', at));
    expect(losAngeles.days[0]?.date).toBe(dayIn('America/Los_Angeles', now));
  });

  it('is for a seller with a shop, and takes 1 to 31 days', async () => {
    const market = await makeMarket(app, db);
    const shopless = await registerUser(app, { role: 'seller' });
    const ask = (who: Session, query = '') =>
      app.inject({ url: `/api/v1/seller/payouts${query}`, headers: bearer(who) });
    const cases: [string, Awaited<ReturnType<typeof ask>>, number, string][] = [
      ['no shop', await ask(shopless), 404, 'NOT_FOUND'],
      ['a customer', await ask(market.customer), 403, 'FORBIDDEN'],
      ['a rider', await ask(market.rider), 403, 'FORBIDDEN'],
      ['an operator', await ask(market.admin), 403, 'FORBIDDEN'],
      ['no days', await ask(market.seller, '?days=0'), 400, 'VALIDATION_FAILED'],
      ['too many days', await ask(market.seller, '?days=32'), 400, 'VALIDATION_FAILED'],
      ['not a number', await ask(market.seller, '?days=week'), 400, 'VALIDATION_FAILED'],
      ['no token', await app.inject({ url: '/api/v1/seller/payouts' }), 401, 'UNAUTHENTICATED'],
    ];
    for (const [name, res, status, code] of cases) {
      expect([name, res.statusCode, res.json().error.code]).toEqual([name, status, code]);
    }
    expect((await payouts(market.seller, '?days=1')).days).toEqual([
      { date: dayIn('Asia/Kolkata', new Date()), orders: 0, cash_paise: 0, online_paise: 0, owed_paise: 0 },
    ]);
  });
});
