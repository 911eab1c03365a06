import {
  awaitsPayment,
  findTransition,
  type Order,
  type OrderActor,
  type OrderStatus,
  orderStatuses,
  orderTransitions,
  riderEarningPaise,
} from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, registerUser } from '../../test/factories';
import {
  advanceOrder,
  getOrder,
  line,
  makeMarket,
  newKey,
  placeOrder,
  transition,
  unansweredGateway,
} from '../../test/orders';
import type { Db } from '../platform/db';
import type { Platform } from '../platform/platform';

let app: FastifyInstance;
let platform: Platform;
let db: Db;

beforeAll(async () => {
  // A gateway nobody answers at: orders may be placed to be paid online (placing one asks it nothing).
  ({ app, platform } = await makeTestApp({ payments: unansweredGateway }));
  db = platform.database.db;
});
afterAll(() => app.close());

type Session = { access_token: string; user: { id: string } };
type Market = Awaited<ReturnType<typeof makeMarket>>;

/** The body that makes each step, given by whoever may make it. */
function stepTo(market: Market, to: OrderStatus, otp?: string): { who: Session; body: object } {
  const { seller, rider, admin, customer } = market;
  const steps: Partial<Record<OrderStatus, { who: Session; body: object }>> = {
    PENDING: { who: admin, body: {} },
    ACCEPTED: { who: seller, body: {} },
    PREPARING: { who: seller, body: {} },
    READY_FOR_PICKUP: { who: seller, body: {} },
    RIDER_ASSIGNED: { who: admin, body: { rider_id: rider.user.id } },
    PICKED_UP: { who: rider, body: {} },
    IN_TRANSIT: { who: rider, body: {} },
    DELIVERED: { who: rider, body: { otp } },
    REJECTED: { who: seller, body: { reason: 'Out of rice today' } },
    CANCELLED: { who: customer, body: {} },
    FAILED: { who: admin, body: { reason: 'Road closed by snow' } },
  };
  const step = steps[to];
  if (!step) throw new Error(`no step to ${to}`);
  return { who: step.who, body: { to, ...step.body } };
}

/** A fresh order walked to `status` through the API (one waiting for its payment is placed to be paid online). */
async function orderIn(market: Market, status: OrderStatus): Promise<Order> {
  const method = awaitsPayment(status) ? 'online' : 'cash';
  const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)], method);
  return advanceOrder(app, market, order.id, status);
}

const stockOf = async (productId: string) =>
  (await db.execute<{ stock: number }>(sql`SELECT stock FROM products WHERE id = ${productId}`)).rows[0]?.stock;

const eventually = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 10_000, interval: 50 });

describe('moving an order', () => {
  it('walks a delivery to its end with the timeline numbered 1 to 8 and the code used up', async () => {
    const market = await makeMarket(app, db);
    const order = await orderIn(market, 'DELIVERED');
    expect(order.status).toBe('DELIVERED');
    expect(order.rider).toEqual({ id: market.rider.user.id, name: 'Bilal Mir', phone: expect.any(String) });
    expect(order.timeline.map((event) => [event.seq, event.status, event.actor])).toEqual([
      [1, 'PENDING', 'customer'],
      [2, 'ACCEPTED', 'seller'],
      [3, 'PREPARING', 'seller'],
      [4, 'READY_FOR_PICKUP', 'seller'],
      [5, 'RIDER_ASSIGNED', 'system'],
      [6, 'PICKED_UP', 'rider'],
      [7, 'IN_TRANSIT', 'rider'],
      [8, 'DELIVERED', 'rider'],
    ]);
    expect(order.version).toBe(8);
    expect(await getOrder(app, market.customer, order.id)).not.toHaveProperty('delivery_otp');
    const earnings = await app.inject({ url: '/api/v1/rider/earnings', headers: bearer(market.rider) });
    const earned = riderEarningPaise(order.distance_m);
    expect(earnings.json()).toMatchObject({
      today_paise: earned,
      deliveries: [{ order_id: order.id, delivered_at: order.updated_at, earning_paise: earned }],
    });
  });

  it('never shows the hand-over code to the seller or the rider', async () => {
    const market = await makeMarket(app, db);
    const order = await orderIn(market, 'IN_TRANSIT');
    expect((await getOrder(app, market.customer, order.id)).delivery_otp).toMatch(/^\d{4}$/);
    expect(await getOrder(app, market.seller, order.id)).not.toHaveProperty('delivery_otp');
    expect(await getOrder(app, market.rider, order.id)).not.toHaveProperty('delivery_otp');
    expect(order).not.toHaveProperty('delivery_otp');
  });

  it('refuses a wrong code with WRONG_OTP and locks the hand-over after five, saying whom to call', async () => {
    const market = await makeMarket(app, db);
    const shopPhone = '+919419000111';
    const phoned = await app.inject({
      method: 'PATCH',
      url: '/api/v1/seller/store',
      headers: bearer(market.seller),
      payload: { version: market.store.version, phone: shopPhone },
    });
    expect(phoned.statusCode, phoned.body).toBe(200);
    const order = await orderIn(market, 'IN_TRANSIT');
    const otp = (await getOrder(app, market.customer, order.id)).delivery_otp ?? '';
    const wrong = String((Number(otp) + 1) % 10_000).padStart(4, '0');
    const tries = [];
    for (let i = 0; i < 5; i++)
      tries.push(await transition(app, market.rider, order.id, { to: 'DELIVERED', otp: wrong }));
    expect(tries.map((res) => [res.statusCode, res.json().error.code, res.json().error.details])).toEqual([
      [409, 'WRONG_OTP', { tries_left: 4 }],
      [409, 'WRONG_OTP', { tries_left: 3 }],
      [409, 'WRONG_OTP', { tries_left: 2 }],
      [409, 'WRONG_OTP', { tries_left: 1 }],
      [409, 'WRONG_OTP', { tries_left: 0, store_phone: shopPhone }],
    ]);
    const locked = await transition(app, market.rider, order.id, { to: 'DELIVERED', otp });
    expect([locked.statusCode, locked.json().error.code, locked.json().error.details]).toEqual([
      409,
      'OTP_LOCKED',
      { store_phone: shopPhone },
    ]);
    const told = await db.execute<{ user_id: string }>(
      sql`SELECT user_id FROM notifications WHERE kind = 'seller.otp_locked' AND data->>'order_id' = ${order.id}`,
    );
    expect(told.rows).toEqual([{ user_id: market.seller.user.id }]);
    expect((await getOrder(app, market.customer, order.id)).status).toBe('IN_TRANSIT');
  });

  it('answers every illegal move from every state with 409 INVALID_TRANSITION, changing nothing', async () => {
    const market = await makeMarket(app, db, 100);
    for (const from of orderStatuses) {
      const order = await orderIn(market, from);
      expect(order.status).toBe(from);
      for (const to of orderStatuses.filter((to) => !findTransition(from, to))) {
        // An operator is party to every order, so only the table can refuse them.
        const res = await transition(app, market.admin, order.id, {
          to,
          reason: 'checking',
          otp: '0000',
          rider_id: market.rider.user.id,
        });
        expect([from, to, res.statusCode, res.json().error?.code]).toEqual([from, to, 409, 'INVALID_TRANSITION']);
      }
      const after = await getOrder(app, market.admin, order.id);
      expect([after.status, after.version]).toEqual([from, order.version]);
    }
  });

  it('answers a move by the wrong party with 403, and anyone not party to the order with 404', async () => {
    const market = await makeMarket(app, db, 100);
    const strangers = {
      customer: await registerUser(app),
      seller: (await makeMarket(app, db)).seller,
      rider: await registerUser(app, { role: 'rider' }),
    };
    const parties: Record<Exclude<OrderActor, 'system'>, Session> = {
      customer: market.customer,
      seller: market.seller,
      rider: market.rider,
    };
    for (const rule of orderTransitions) {
      const order = await orderIn(market, rule.from);
      const { body } = stepTo(market, rule.to, '0000');
      for (const [actor, who] of Object.entries(parties) as [Exclude<OrderActor, 'system'>, Session][]) {
        if (rule.by.includes(actor)) continue;
        // A rider is party to an order only once it is theirs, a shop once it is paid for.
        const unseen =
          (actor === 'rider' && order.rider === null) || (actor === 'seller' && awaitsPayment(order.status));
        const expected = unseen ? 404 : 403;
        const res = await transition(app, who, order.id, body);
        expect([rule.from, rule.to, actor, res.statusCode]).toEqual([rule.from, rule.to, actor, expected]);
      }
      for (const [actor, who] of Object.entries(strangers)) {
        const res = await transition(app, who, order.id, body);
        expect([rule.from, rule.to, `another ${actor}`, res.statusCode]).toEqual([
          rule.from,
          rule.to,
          `another ${actor}`,
          404,
        ]);
        const read = await app.inject({ url: `/api/v1/orders/${order.id}`, headers: bearer(who) });
        expect(read.statusCode).toBe(404);
      }
    }
  });

  it('needs a reason to reject, a code to deliver and a rider to assign', async () => {
    const market = await makeMarket(app, db);
    const pending = await orderIn(market, 'PENDING');
    const reject = await transition(app, market.seller, pending.id, { to: 'REJECTED' });
    expect([reject.statusCode, reject.json().error.details.fields[0].field]).toEqual([400, 'body.reject_reason']);
    const ready = await orderIn(market, 'READY_FOR_PICKUP');
    const assign = await transition(app, market.admin, ready.id, { to: 'RIDER_ASSIGNED' });
    expect([assign.statusCode, assign.json().error.details.fields[0].field]).toEqual([400, 'body.rider_id']);
    const notARider = await transition(app, market.admin, ready.id, {
      to: 'RIDER_ASSIGNED',
      rider_id: market.customer.user.id,
    });
    expect([notARider.statusCode, notARider.json().error.details.fields[0].field]).toEqual([400, 'body.rider_id']);
    const moving = await orderIn(market, 'IN_TRANSIT');
    const deliver = await transition(app, market.rider, moving.id, { to: 'DELIVERED' });
    expect([deliver.statusCode, deliver.json().error.details.fields[0].field]).toEqual([400, 'body.otp']);
    const badCode = await transition(app, market.rider, moving.id, { to: 'DELIVERED', otp: '12a4' });
    expect(badCode.statusCode).toBe(400);
  });

  it('applies two sellers’ simultaneous taps once', async () => {
    const market = await makeMarket(app, db);
    const order = await orderIn(market, 'PENDING');
    const taps = await Promise.all(
      Array.from({ length: 5 }, () =>
        transition(app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20, version: 1 }),
      ),
    );
    const codes = taps.map((res) => res.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409]);
    const conflict = taps.find((res) => res.statusCode === 409)?.json();
    expect(conflict.error).toMatchObject({
      code: 'CONFLICT',
      details: { current: { status: 'ACCEPTED', version: 2 } },
    });
    expect((await getOrder(app, market.seller, order.id)).timeline).toHaveLength(2);
  });

  it('returns the first answer to a replayed action that waited offline, keeping when it was taken', async () => {
    const market = await makeMarket(app, db);
    const order = await orderIn(market, 'PENDING');
    const key = newKey();
    const tappedAt = new Date(Date.now() - 90_000).toISOString();
    const tappedBeforePlacing = new Date(Date.parse(order.placed_at) - 60_000).toISOString();
    const body = { to: 'ACCEPTED', prep_minutes: 20, version: 1, occurred_at: tappedAt };
    const first = await transition(app, market.seller, order.id, body, key);
    const replay = await transition(app, market.seller, order.id, body, key);
    expect([first.statusCode, replay.statusCode, replay.headers['idempotent-replayed']]).toEqual([200, 200, 'true']);
    expect(replay.json()).toEqual(first.json());
    const timeline = (await getOrder(app, market.seller, order.id)).timeline;
    expect(timeline).toHaveLength(2);
    // A phone clock cannot put the tap before the order existed: it is kept within the order's life.
    expect(timeline[1]?.occurred_at).toBe(
      new Date(Math.max(Date.parse(tappedAt), Date.parse(order.placed_at))).toISOString(),
    );
    expect(Date.parse(timeline[1]?.recorded_at ?? '')).toBeGreaterThan(Date.parse(tappedBeforePlacing));
  });

  it('keeps the times of a rider’s steps sent late after a stretch offline, never before the step they follow', async () => {
    const market = await makeMarket(app, db);
    const assigned = await orderIn(market, 'RIDER_ASSIGNED');
    // The order was placed and given to the rider half an hour ago.
    await db.execute(sql`UPDATE orders SET created_at = created_at - interval '30 minutes' WHERE id = ${assigned.id}`);
    await db.execute(
      sql`UPDATE order_events SET occurred_at = occurred_at - interval '30 minutes' WHERE order_id = ${assigned.id}`,
    );
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const otp = (await getOrder(app, market.customer, assigned.id)).delivery_otp;
    // Picked up and delivered in a basement: the phone sends its queue in order when the signal returns.
    const steps = [
      { to: 'PICKED_UP', occurred_at: minutesAgo(20) },
      { to: 'IN_TRANSIT', occurred_at: minutesAgo(15) },
      { to: 'DELIVERED', otp, occurred_at: minutesAgo(10) },
    ];
    for (const step of steps)
      expect((await transition(app, market.rider, assigned.id, step, newKey())).statusCode).toBe(200);
    const timeline = (await getOrder(app, market.admin, assigned.id)).timeline.slice(-3);
    expect(timeline.map((event) => [event.status, event.occurred_at])).toEqual(
      steps.map((step) => [step.to, step.occurred_at]),
    );
    for (const event of timeline) expect(Date.parse(event.recorded_at)).toBeGreaterThan(Date.parse(event.occurred_at));

    // A phone whose clock is behind claims a pick-up before the rider was given the order: it is raised to that.
    const other = await orderIn(market, 'RIDER_ASSIGNED');
    const given = other.timeline.at(-1)?.occurred_at ?? '';
    const early = new Date(Date.parse(given) - 5 * 60_000).toISOString();
    const picked = await transition(app, market.rider, other.id, { to: 'PICKED_UP', occurred_at: early });
    expect(picked.json().timeline.at(-1)).toMatchObject({ status: 'PICKED_UP', occurred_at: given });
  });

  it('lets the customer cancel only while the shop has not answered', async () => {
    const market = await makeMarket(app, db);
    const pending = await orderIn(market, 'PENDING');
    const cancel = await transition(app, market.customer, pending.id, { to: 'CANCELLED', reason: 'Ordered twice' });
    expect([cancel.statusCode, cancel.json().status]).toEqual([200, 'CANCELLED']);
    const accepted = await orderIn(market, 'ACCEPTED');
    const late = await transition(app, market.customer, accepted.id, { to: 'CANCELLED' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('puts the goods back on the shelf when rejected, cancelled or failed at the shop, but not once picked up', async () => {
    const market = await makeMarket(app, db, 10);
    const rejected = await orderIn(market, 'REJECTED');
    const cancelled = await orderIn(market, 'CANCELLED');
    const failedAtShop = await orderIn(market, 'RIDER_ASSIGNED');
    const failedOnRoad = await orderIn(market, 'PICKED_UP');
    for (const order of [failedAtShop, failedOnRoad]) {
      const res = await transition(app, market.admin, order.id, { to: 'FAILED', reason: 'Road closed by snow' });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Four orders of one each: three come back, the one on the road does not.
    await eventually(async () => expect(await stockOf(market.rice.id)).toBe(9));
    expect(rejected.status).toBe('REJECTED');
    expect(cancelled.status).toBe('CANCELLED');
  });
});
