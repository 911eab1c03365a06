import { channels, type DeliveryOffer, type Order, riderEarningPaise } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { helpers, type Market, type Session, start } from '../../test/dispatch';
import { bearer, PASSWORD, registerUser } from '../../test/factories';
import { advanceOrder, line, makeMarket, placeOrder, transition } from '../../test/orders';
import { listen, signedInSocket } from '../../test/sockets';
import type { Db } from '../platform/db';

let app: FastifyInstance;
let db: Db;
let h: ReturnType<typeof helpers>;

beforeAll(async () => {
  ({ app, db } = await start({ waitingNoticeMs: 60_000 }));
  h = helpers(app, db);
});
afterAll(() => app.close());

const earnings = async (rider: Session) => {
  const res = await app.inject({ url: '/api/v1/rider/earnings', headers: bearer(rider) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** An order of `rice` bags delivered by the market's rider, `daysAgo` days back by the server's clock. */
async function delivered(market: Market, rice: number, daysAgo = 0): Promise<Order> {
  const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice, rice)]);
  const done = await advanceOrder(app, market, order.id, 'DELIVERED');
  if (daysAgo === 0) return done;
  const then = new Date(Date.now() - daysAgo * 24 * 3600_000).toISOString();
  await db.execute(sql`UPDATE orders SET updated_at = ${then}::timestamptz WHERE id = ${order.id}`);
  return { ...done, updated_at: then };
}

describe('what a rider is offered and carries', () => {
  it('tells the trip, the earning, the cash to collect and the items, live and in the assignments', async () => {
    const market = await makeMarket(app, db);
    const rider = await h.riderAt(400);
    const socket = await signedInSocket(await listen(app), rider);
    socket.send({ type: 'subscribe', channel: channels.rider(rider.user.id) });
    await socket.next((frame) => frame.type === 'subscribed');

    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice, 2), line(market.tea)]);
    await advanceOrder(app, market, order.id, 'READY_FOR_PICKUP');
    const frame = await socket.next((f) => f.type === 'offer');
    const offer = (frame as { offer: DeliveryOffer }).offer;
    expect(offer).toMatchObject({
      order_id: order.id,
      trip_m: order.distance_m,
      earning_paise: riderEarningPaise(order.distance_m),
      // Cash on delivery: the whole bill, 2 × ₹120 + ₹250.50 and the delivery fee.
      cash_paise: 2 * 12_000 + 25_050 + order.delivery_fee_paise,
      item_count: 3,
    });
    // From the rider to the shop, then on from the shop to the customer.
    expect([offer.distance_m, offer.trip_m]).toEqual([expect.closeTo(400, -2), order.distance_m]);
    expect((await h.assignments(rider)).offers).toEqual([offer]);

    expect((await h.answer(rider, offer, 'accept')).statusCode).toBe(200);
    const carried = await h.assignments(rider);
    expect(carried).toMatchObject({
      offers: [],
      deliveries: [{ id: order.id, status: 'RIDER_ASSIGNED', item_count: 3, total_paise: order.total_paise }],
    });
    socket.socket.terminate();
  });
});

describe('a rider’s earnings', () => {
  it('sum today’s and this week’s deliveries, and hold all the cash collected when none was handed over', async () => {
    const market = await makeMarket(app, db, 100);
    const lastMonth = await delivered(market, 1, 30);
    const threeDaysAgo = await delivered(market, 2, 3);
    const first = await delivered(market, 1);
    const second = await delivered(market, 3);
    // Neither a failed order nor another rider's delivery counts.
    const failed = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(app, market, failed.id, 'PICKED_UP');
    const fail = await transition(app, market.admin, failed.id, { to: 'FAILED', reason: 'Road closed by snow' });
    expect(fail.statusCode).toBe(200);
    await delivered({ ...market, rider: await registerUser(app, { role: 'rider' }) }, 4);

    const earned = (order: Order) => riderEarningPaise(order.distance_m);
    const row = (order: Order) => ({
      order_id: order.id,
      store_name: 'Lone General Store',
      delivered_at: order.updated_at,
      distance_m: order.distance_m,
      earning_paise: earned(order),
      cash_paise: order.total_paise,
    });
    // The cash held is the ledger's, written by each delivery's job: nothing is settled, so all of it.
    await vi.waitFor(
      async () =>
        expect(await earnings(market.rider)).toEqual({
          today_paise: earned(first) + earned(second),
          week_paise: earned(first) + earned(second) + earned(threeDaysAgo),
          cash_today_paise: first.total_paise + second.total_paise,
          cash_held_paise: first.total_paise + second.total_paise + threeDaysAgo.total_paise + lastMonth.total_paise,
          deliveries: [row(second), row(first), row(threeDaysAgo)],
        }),
      { timeout: 15_000, interval: 100 },
    );
    expect(second.total_paise).toBe(3 * 12_000 + second.delivery_fee_paise);
  });

  it('are all nought for a rider who has delivered nothing', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    expect(await earnings(rider)).toEqual({
      today_paise: 0,
      week_paise: 0,
      cash_today_paise: 0,
      cash_held_paise: 0,
      deliveries: [],
    });
  });
});

describe('a rider’s status', () => {
  const read = (who?: Session) => app.inject({ url: '/api/v1/rider/status', headers: who ? bearer(who) : {} });
  const set = (who: Session, status: 'online' | 'offline') =>
    app.inject({ method: 'POST', url: '/api/v1/rider/status', headers: bearer(who), payload: { status } });

  it('reads back what the rider last set, starting offline', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    const seen = [(await read(rider)).json()];
    for (const status of ['online', 'offline', 'online'] as const) {
      expect((await set(rider, status)).json()).toEqual({ status });
      seen.push((await read(rider)).json());
    }
    expect(seen).toEqual([{ status: 'offline' }, { status: 'online' }, { status: 'offline' }, { status: 'online' }]);
  });

  it('goes offline when the rider signs out, so no offer waits for a phone nobody holds', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    const otherPhone = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { phone: rider.user.phone, password: PASSWORD },
      })
    ).json() as Session;
    await set(rider, 'online');
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refresh_token: rider.refresh_token },
    });
    expect(out.statusCode).toBe(204);
    // The signed-out login's access token is refused at once; the rider's other login reads the change.
    expect((await read(rider)).statusCode).toBe(401);
    expect((await read(otherPhone)).json()).toEqual({ status: 'offline' });
  });

  it('is only for riders: 403 for a customer or a seller, 401 for nobody', async () => {
    const { seller } = await makeMarket(app, db);
    const customer = await registerUser(app);
    for (const who of [customer, seller]) {
      const res = await read(who);
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'FORBIDDEN']);
      expect((await set(who, 'online')).statusCode).toBe(403);
    }
    const nobody = await read();
    expect([nobody.statusCode, nobody.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
