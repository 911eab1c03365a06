import { type CashSettlement, formatPaise, type Notification, type Order, type RiderCash } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, registerUser } from '../../test/factories';
import { advanceOrder, getOrder, line, makeMarket, newKey, placeOrder, transition } from '../../test/orders';
import type { Db } from '../platform/db';
import { cashJobHandlers, cashJobs } from './cash';

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  const test = await makeTestApp();
  app = test.app;
  db = test.platform.database.db;
});
afterAll(() => app.close());

type Session = { access_token: string; user: { id: string } };
type Market = Awaited<ReturnType<typeof makeMarket>>;

const eventually = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 15_000, interval: 100 });

/** The ledger's cash rows of an order. */
const cashRows = async (orderId: string) =>
  (
    await db.execute<{ amount_paise: number; rider_id: string; status: string }>(
      sql`SELECT amount_paise, rider_id, status FROM payments WHERE order_id = ${orderId} AND kind = 'cash'`,
    )
  ).rows;

/** A cash order of `bags` of rice, taken to the customer's door by the market's rider (not yet handed over). */
async function atTheDoor(market: Market, bags = 1) {
  const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice, bags)]);
  await advanceOrder(app, market, order.id, 'IN_TRANSIT');
  const { delivery_otp: otp } = await getOrder(app, market.customer, order.id);
  return { order, otp };
}

/** Hands a cash order over, the rider confirming its total, and waits for its cash to reach the ledger. */
async function deliverCash(market: Market, bags = 1) {
  const { order, otp } = await atTheDoor(market, bags);
  const res = await transition(app, market.rider, order.id, {
    to: 'DELIVERED',
    otp,
    cash_collected_paise: order.total_paise,
  });
  expect(res.statusCode, res.body).toBe(200);
  await eventually(async () => expect(await cashRows(order.id)).toHaveLength(1));
  return res.json() as Order;
}

const cashOf = async (rider: Session) => {
  const res = await app.inject({ url: '/api/v1/rider/cash', headers: bearer(rider) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RiderCash;
};

const settle = (who: Session, riderId: string, payload: object, key: string | null = newKey()) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/admin/riders/${riderId}/cash-settlements`,
    headers: key === null ? bearer(who) : { ...bearer(who), 'idempotency-key': key },
    payload,
  });

const settlementCount = async (riderId: string) =>
  (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM cash_settlements WHERE rider_id = ${riderId}`))
    .rows[0]?.n;

describe('cash taken at the door', () => {
  it('enters the ledger once when a cash order is delivered: the total, by its rider, collected', async () => {
    const market = await makeMarket(app, db);
    const order = await deliverCash(market, 2);
    expect(order.payment).toEqual({ method: 'cash', state: 'collected', pay_by: null });
    expect(await cashRows(order.id)).toEqual([
      { amount_paise: order.total_paise, rider_id: market.rider.user.id, status: 'collected' },
    ]);
    expect(order.total_paise).toBe(2 * 12_000 + order.delivery_fee_paise);
  });

  it('is one row however the hand-over is sent: twice at once, replayed, or its job run again', async () => {
    const market = await makeMarket(app, db);
    const { order, otp } = await atTheDoor(market);
    const body = { to: 'DELIVERED', otp, cash_collected_paise: order.total_paise };
    const keys = [newKey(), newKey()];
    const answers = await Promise.all(keys.map((key) => transition(app, market.rider, order.id, body, key)));
    // One of the two hands it over; the other finds it delivered already.
    expect(answers.map((res) => res.statusCode).sort()).toEqual([200, 409]);
    const won = answers.findIndex((res) => res.statusCode === 200);
    const replay = await transition(app, market.rider, order.id, body, keys[won]);
    expect([replay.statusCode, replay.headers['idempotent-replayed']]).toEqual([200, 'true']);
    await eventually(async () => expect(await cashRows(order.id)).toHaveLength(1));

    // A runner that died after the insert runs the job again: still one row.
    const handler = cashJobHandlers({ db })[cashJobs.collected];
    const payload = {
      order_id: order.id,
      rider_id: market.rider.user.id,
      amount_paise: order.total_paise,
      collected_at: new Date().toISOString(),
    };
    await handler?.({ id: 'again', kind: cashJobs.collected, payload, attempts: 2 });
    expect(await cashRows(order.id)).toHaveLength(1);
    expect((await cashOf(market.rider)).in_hand_paise).toBe(order.total_paise);
  });

  it('refuses a hand-over whose cash is not the total (CASH_MISMATCH), leaving the order at the door', async () => {
    const market = await makeMarket(app, db);
    const { order, otp } = await atTheDoor(market);
    const short = await transition(app, market.rider, order.id, {
      to: 'DELIVERED',
      otp,
      cash_collected_paise: order.total_paise - 100,
    });
    expect(short.statusCode, short.body).toBe(422);
    expect(short.json().error).toMatchObject({ code: 'CASH_MISMATCH', details: { total_paise: order.total_paise } });
    expect((await getOrder(app, market.customer, order.id)).status).toBe('IN_TRANSIT');
    expect(await cashRows(order.id)).toEqual([]);
  });

  it('is not recorded for an order that ends before the door', async () => {
    const market = await makeMarket(app, db);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(app, market, order.id, 'PICKED_UP');
    const fail = await transition(app, market.admin, order.id, { to: 'FAILED', reason: 'Road closed by snow' });
    expect(fail.statusCode).toBe(200);
    expect(fail.json().payment.state).toBe('void');
    // A later delivery of another order proves the jobs ran; the failed one still has no cash.
    await deliverCash(market);
    expect(await cashRows(order.id)).toEqual([]);
  });
});

describe("a rider's cash in hand", () => {
  it('is what they took less what they handed over, with both listed newest first', async () => {
    const market = await makeMarket(app, db, 100);
    expect(await cashOf(market.rider)).toEqual({ in_hand_paise: 0, collected: [], settlements: [] });
    const first = await deliverCash(market, 1);
    const second = await deliverCash(market, 3);
    // Another rider's cash is theirs.
    await deliverCash({ ...market, rider: await registerUser(app, { role: 'rider' }) }, 2);
    const taken = first.total_paise + second.total_paise;

    const handed = await settle(market.admin, market.rider.user.id, { amount_paise: 20_000, note: 'Evening count' });
    expect(handed.statusCode, handed.body).toBe(201);
    const settlement = handed.json() as CashSettlement;
    expect(settlement).toEqual({
      id: expect.any(String),
      rider_id: market.rider.user.id,
      amount_paise: 20_000,
      note: 'Evening count',
      settled_at: expect.any(String),
      in_hand_paise: taken - 20_000,
    });

    const cash = await cashOf(market.rider);
    expect(cash).toEqual({
      in_hand_paise: taken - 20_000,
      collected: [
        {
          order_id: second.id,
          store_name: 'Lone General Store',
          amount_paise: second.total_paise,
          collected_at: second.updated_at,
        },
        {
          order_id: first.id,
          store_name: 'Lone General Store',
          amount_paise: first.total_paise,
          collected_at: first.updated_at,
        },
      ],
      settlements: [
        { id: settlement.id, amount_paise: 20_000, note: 'Evening count', settled_at: settlement.settled_at },
      ],
    });
    // The operator sees the same; the earnings screen's figure is the same sum.
    const seen = await app.inject({
      url: `/api/v1/admin/riders/${market.rider.user.id}/cash`,
      headers: bearer(market.admin),
    });
    expect(seen.json()).toEqual(cash);
    const earnings = await app.inject({ url: '/api/v1/rider/earnings', headers: bearer(market.rider) });
    expect(earnings.json().cash_held_paise).toBe(taken - 20_000);

    // Everything handed over: nothing in hand.
    const rest = await settle(market.admin, market.rider.user.id, { amount_paise: taken - 20_000 });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json()).toMatchObject({ in_hand_paise: 0, note: null });
    expect((await cashOf(market.rider)).in_hand_paise).toBe(0);
  });

  it('tells the rider what they handed over and what they still hold', async () => {
    const market = await makeMarket(app, db, 100);
    await deliverCash(market, 10);
    const held = (await cashOf(market.rider)).in_hand_paise;
    const res = await settle(market.admin, market.rider.user.id, { amount_paise: 100_000 });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const list = await app.inject({ url: '/api/v1/me/notifications', headers: bearer(market.rider) });
    const told = (list.json().items as Notification[]).filter((item) => item.kind === 'rider.cash_settled');
    expect(told).toEqual([
      expect.objectContaining({
        title: '₹1,000 handed over',
        body: `You now hold ${formatPaise(held - 100_000)}`,
        data: { settlement_id: id },
        read_at: null,
      }),
    ]);
  });
});

describe('recording a settlement', () => {
  it('never takes more than the rider holds: two at once that together exceed it, one is refused', async () => {
    const market = await makeMarket(app, db, 100);
    await deliverCash(market, 5);
    const held = (await cashOf(market.rider)).in_hand_paise;
    const part = Math.floor(held * 0.6);
    const answers = await Promise.all([
      settle(market.admin, market.rider.user.id, { amount_paise: part }),
      settle(market.admin, market.rider.user.id, { amount_paise: part }),
    ]);
    expect(answers.map((res) => res.statusCode).sort()).toEqual([201, 422]);
    const refused = answers.find((res) => res.statusCode === 422);
    expect(refused?.json().error).toMatchObject({
      code: 'SETTLEMENT_TOO_LARGE',
      details: { in_hand_paise: held - part },
    });
    expect(await settlementCount(market.rider.user.id)).toBe(1);
    expect((await cashOf(market.rider)).in_hand_paise).toBe(held - part);
    // More than is held, alone: refused too.
    const tooMuch = await settle(market.admin, market.rider.user.id, { amount_paise: held });
    expect(tooMuch.statusCode).toBe(422);
  });

  it('is made once per Idempotency-Key: a replay answers the first settlement again', async () => {
    const market = await makeMarket(app, db, 100);
    await deliverCash(market, 4);
    const key = newKey();
    const first = await settle(market.admin, market.rider.user.id, { amount_paise: 10_000 }, key);
    const again = await Promise.all([
      settle(market.admin, market.rider.user.id, { amount_paise: 10_000 }, key),
      settle(market.admin, market.rider.user.id, { amount_paise: 10_000 }, key),
    ]);
    expect(first.statusCode, first.body).toBe(201);
    for (const res of again) {
      expect([res.statusCode, res.headers['idempotent-replayed']]).toEqual([201, 'true']);
      expect(res.json()).toEqual(first.json());
    }
    expect(await settlementCount(market.rider.user.id)).toBe(1);
    // The same key for another amount is a mistake, not a new settlement.
    const reused = await settle(market.admin, market.rider.user.id, { amount_paise: 20_000 }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await settlementCount(market.rider.user.id)).toBe(1);
  });

  it('is for operators only, for riders only, and checks what it is given', async () => {
    const market = await makeMarket(app, db);
    const riderId = market.rider.user.id;
    const cashOfRider = (who: Session, id = riderId) =>
      app.inject({ url: `/api/v1/admin/riders/${id}/cash`, headers: bearer(who) });
    for (const who of [market.seller, market.rider, market.customer]) {
      const recorded = await settle(who, riderId, { amount_paise: 100 });
      const read = await cashOfRider(who);
      expect([recorded.statusCode, recorded.json().error.code]).toEqual([403, 'FORBIDDEN']);
      expect([read.statusCode, read.json().error.code]).toEqual([403, 'FORBIDDEN']);
    }
    const cases: [string, Awaited<ReturnType<typeof settle>>, number, string][] = [
      [
        'a customer as the rider',
        await settle(market.admin, market.customer.user.id, { amount_paise: 100 }),
        404,
        'NOT_FOUND',
      ],
      [
        'nobody',
        await settle(market.admin, '01900000-0000-7000-8000-00000000dead', { amount_paise: 100 }),
        404,
        'NOT_FOUND',
      ],
      ['no key', await settle(market.admin, riderId, { amount_paise: 100 }, null), 400, 'VALIDATION_FAILED'],
      ['nothing', await settle(market.admin, riderId, { amount_paise: 0 }), 400, 'VALIDATION_FAILED'],
      ['a fraction', await settle(market.admin, riderId, { amount_paise: 10.5 }), 400, 'VALIDATION_FAILED'],
      [
        'an unknown field',
        await settle(market.admin, riderId, { amount_paise: 100, rider: 'x' }),
        400,
        'VALIDATION_FAILED',
      ],
      ['more than held', await settle(market.admin, riderId, { amount_paise: 100 }), 422, 'SETTLEMENT_TOO_LARGE'],
      ['a seller as the rider, read', await cashOfRider(market.admin, market.seller.user.id), 404, 'NOT_FOUND'],
      ['no token', await app.inject({ url: '/api/v1/rider/cash' }), 401, 'UNAUTHENTICATED'],
      [
        'a seller, own cash',
        await app.inject({ url: '/api/v1/rider/cash', headers: bearer(market.seller) }),
        403,
        'FORBIDDEN',
      ],
    ];
    for (const [name, res, status, code] of cases) {
      expect([name, res.statusCode, res.json().error.code]).toEqual([name, status, code]);
    }
    expect(await settlementCount(riderId)).toBe(0);
  });
});
