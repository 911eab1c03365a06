import { channels, type DeliveryOffer, type Order } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, KUPWARA, north, registerUser } from '../../test/factories';
import { advanceOrder, line, makeMarket, placeOrder, transition } from '../../test/orders';
import { listen, signedInSocket } from '../../test/sockets';
import type { DispatchFrom, DispatchOptions } from '../platform/config';
import type { Db } from '../platform/db';
import { defaultDispatch } from './dispatch';

type Session = Awaited<ReturnType<typeof registerUser>>;
type Market = Awaited<ReturnType<typeof makeMarket>>;

const eventually = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 15_000, interval: 100 });

async function start(dispatch: Partial<DispatchOptions>, dispatchFrom: DispatchFrom = 'READY_FOR_PICKUP') {
  const test = await makeTestApp({ dispatchFrom, dispatch: { ...defaultDispatch, retryMs: 300, ...dispatch } });
  return { app: test.app, db: test.platform.database.db };
}

function helpers(app: FastifyInstance, db: Db) {
  /** A rider online with a fresh fix `metres` north of the shop (or offline). */
  async function riderAt(metres: number, online = true) {
    const rider = await registerUser(app, { role: 'rider' });
    const status = await app.inject({
      method: 'POST',
      url: '/api/v1/rider/status',
      headers: bearer(rider),
      payload: { status: online ? 'online' : 'offline' },
    });
    expect(status.statusCode).toBe(200);
    const point = { ...north(KUPWARA, metres), recorded_at: new Date().toISOString() };
    const fix = await app.inject({
      method: 'POST',
      url: '/api/v1/rider/locations',
      headers: bearer(rider),
      payload: { points: [point] },
    });
    expect(fix.statusCode).toBe(200);
    return rider;
  }

  const assignments = async (rider: Session) => {
    const res = await app.inject({ url: '/api/v1/rider/assignments', headers: bearer(rider) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { offers: DeliveryOffer[]; deliveries: { id: string }[] };
  };

  /** The offer a rider is waiting on, once dispatch has made it. */
  const offerFor = (rider: Session) =>
    eventually(async () => {
      const [offer] = (await assignments(rider)).offers;
      if (!offer) throw new Error('no offer yet');
      return offer;
    });

  async function readyOrder(market: Market) {
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(app, market, order.id, 'READY_FOR_PICKUP');
    return order;
  }

  const answer = (rider: Session, offer: DeliveryOffer, verb: 'accept' | 'decline') =>
    app.inject({ method: 'POST', url: `/api/v1/rider/offers/${offer.id}/${verb}`, headers: bearer(rider) });

  const offersOf = async (orderId: string) =>
    (
      await db.execute<{ rider_id: string; status: string }>(
        sql`SELECT rider_id, status FROM delivery_offers WHERE order_id = ${orderId} ORDER BY offered_at`,
      )
    ).rows;

  return { riderAt, assignments, offerFor, readyOrder, answer, offersOf };
}

describe('dispatch', () => {
  let app: FastifyInstance;
  let db: Db;
  let h: ReturnType<typeof helpers>;

  beforeAll(async () => {
    ({ app, db } = await start({ offerTimeoutMs: 1500, waitingNoticeMs: 60_000 }));
    h = helpers(app, db);
  });
  afterAll(() => app.close());

  it('offers a ready order to the nearest free rider, then the next on a decline or a timeout, and assigns it once', async () => {
    const market = await makeMarket(app, db, 50);
    const busy = await h.riderAt(50);
    const earlier = await h.readyOrder(market);
    // The closest rider takes an earlier order: they are busy from now on.
    await eventually(async () => expect((await h.offersOf(earlier.id)).length).toBeGreaterThan(0));
    const first = (await h.offersOf(earlier.id))[0];
    expect(first?.rider_id).toBe(busy.user.id);
    const mine = await h.offerFor(busy);
    expect((await h.answer(busy, mine, 'accept')).statusCode).toBe(200);

    const offline = await h.riderAt(100, false);
    const near = await h.riderAt(300);
    const middle = await h.riderAt(800);
    const far = await h.riderAt(2000);
    const outOfReach = await h.riderAt(20_000);
    const socket = await signedInSocket(await listen(app), far);
    socket.send({ type: 'subscribe', channel: channels.rider(far.user.id) });
    await socket.next((frame) => frame.type === 'subscribed');

    const order = await h.readyOrder(market);
    const toNear = await h.offerFor(near);
    expect(toNear).toMatchObject({ order_id: order.id, store: { name: 'Lone General Store' } });
    expect(toNear.distance_m).toBeGreaterThan(290);
    expect(toNear.distance_m).toBeLessThan(310);
    expect((await h.answer(near, toNear, 'decline')).statusCode).toBe(204);

    // The middle rider lets it time out; it moves on to the far one, who hears of it on their channel.
    await h.offerFor(middle);
    const toFar = await h.offerFor(far);
    const frame = await socket.next((f) => f.type === 'offer');
    expect(frame).toMatchObject({ type: 'offer', channel: channels.rider(far.user.id), offer: { id: toFar.id } });

    // Another rider cannot take it; the far rider's two taps assign it once.
    expect((await h.answer(near, toFar, 'accept')).statusCode).toBe(404);
    const taps = await Promise.all([h.answer(far, toFar, 'accept'), h.answer(far, toFar, 'accept')]);
    expect(taps.map((res) => res.statusCode).sort()).toEqual([200, 409]);
    const assigned = taps.find((res) => res.statusCode === 200)?.json() as Order;
    expect(assigned).toMatchObject({ id: order.id, status: 'RIDER_ASSIGNED', rider: { id: far.user.id } });
    expect((await h.assignments(far)).deliveries.map((d) => d.id)).toEqual([order.id]);

    expect((await h.offersOf(order.id)).map((offer) => [offer.rider_id, offer.status])).toEqual([
      [near.user.id, 'declined'],
      [middle.user.id, 'expired'],
      [far.user.id, 'accepted'],
    ]);
    for (const nobody of [offline, outOfReach]) expect((await h.assignments(nobody)).offers).toEqual([]);
    socket.socket.terminate();
  });
});

describe('dispatch with nobody free', () => {
  let app: FastifyInstance;
  let db: Db;
  let h: ReturnType<typeof helpers>;

  beforeAll(async () => {
    ({ app, db } = await start({ waitingNoticeMs: 0, giveUpMs: 2500 }));
    h = helpers(app, db);
  });
  afterAll(() => app.close());

  it('tells the shop and the customer, offers it to a rider who comes online, and fails it if nobody does', async () => {
    const market = await makeMarket(app, db, 10);
    const order = await h.readyOrder(market);
    await eventually(async () => {
      const told = await db.execute<{ user_id: string }>(
        sql`SELECT user_id FROM notifications WHERE kind = 'order.waiting' AND data->>'order_id' = ${order.id}`,
      );
      expect(told.rows.map((row) => row.user_id).sort()).toEqual(
        [market.customer.user.id, market.seller.user.id].sort(),
      );
    });
    const late = await h.riderAt(400);
    await h.offerFor(late);

    const unlucky = await h.readyOrder(await makeMarket(app, db, 10));
    await eventually(async () => {
      const res = await app.inject({ url: `/api/v1/orders/${unlucky.id}`, headers: bearer(market.admin) });
      expect(res.json()).toMatchObject({ status: 'FAILED' });
    });
    const failed = await app.inject({ url: `/api/v1/orders/${unlucky.id}`, headers: bearer(market.admin) });
    expect(failed.json().timeline.at(-1)).toMatchObject({
      status: 'FAILED',
      actor: 'system',
      reason: 'No rider could be found',
    });
  });
});

describe('dispatch as soon as the shop accepts', () => {
  let app: FastifyInstance;
  let db: Db;
  let h: ReturnType<typeof helpers>;

  beforeAll(async () => {
    ({ app, db } = await start({ waitingNoticeMs: 60_000 }, 'ACCEPTED'));
    h = helpers(app, db);
  });
  afterAll(() => app.close());

  it('sends a rider to the shop while it prepares, and assigns them the moment it is ready', async () => {
    const market = await makeMarket(app, db, 10);
    const rider = await h.riderAt(600);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    expect((await transition(app, market.seller, order.id, { to: 'ACCEPTED' })).statusCode).toBe(200);
    const offer = await h.offerFor(rider);
    const taken = await h.answer(rider, offer, 'accept');
    expect(taken.json()).toMatchObject({ status: 'ACCEPTED', rider: { id: rider.user.id } });
    expect((await h.assignments(rider)).deliveries.map((d) => d.id)).toEqual([order.id]);

    // The customer sees the rider coming to the shop already.
    const customer = await signedInSocket(await listen(app), market.customer);
    customer.send({ type: 'subscribe', channel: channels.order(order.id) });
    await customer.next((frame) => frame.type === 'subscribed');
    const fix = { ...north(KUPWARA, 300), recorded_at: new Date().toISOString() };
    await app.inject({
      method: 'POST',
      url: '/api/v1/rider/locations',
      headers: bearer(rider),
      payload: { points: [fix] },
    });
    const frame = await customer.next((f) => f.type === 'position');
    expect(frame).toMatchObject({ position: { rider_id: rider.user.id, toward: 'store' } });
    customer.socket.terminate();

    // Committed to one order already, the rider is not offered a second.
    const second = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await transition(app, market.seller, second.id, { to: 'ACCEPTED' });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await h.assignments(rider)).offers).toEqual([]);

    await advanceOrder(app, market, order.id, 'READY_FOR_PICKUP');
    await eventually(async () => {
      const res = await app.inject({ url: `/api/v1/orders/${order.id}`, headers: bearer(rider) });
      expect(res.json()).toMatchObject({ status: 'RIDER_ASSIGNED', rider: { id: rider.user.id } });
    });
    expect((await transition(app, rider, order.id, { to: 'PICKED_UP' })).statusCode).toBe(200);
  });
});

describe('a rider taken early, in the order’s timeline', () => {
  let app: FastifyInstance;
  let db: Db;
  let h: ReturnType<typeof helpers>;
  let url: string;

  beforeAll(async () => {
    ({ app, db } = await start({ waitingNoticeMs: 60_000 }, 'ACCEPTED'));
    h = helpers(app, db);
    url = await listen(app);
  });
  afterAll(() => app.close());

  it('is an event of the order: numbered, on every party’s channel, replayed on resume, told to the customer and the shop', async () => {
    const market = await makeMarket(app, db, 10);
    const rider = await h.riderAt(600);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    const following = [
      [market.customer, channels.order(order.id)],
      [market.seller, channels.store(market.store.id)],
      [rider, channels.rider(rider.user.id)],
    ] as const;
    const sockets = await Promise.all(
      following.map(async ([who, channel]) => {
        const socket = await signedInSocket(url, who);
        socket.send({ type: 'subscribe', channel });
        await socket.next((frame) => frame.type === 'subscribed' && frame.channel === channel);
        return socket;
      }),
    );

    const accepted = (await transition(app, market.seller, order.id, { to: 'ACCEPTED' })).json() as Order;
    const taken = await h.answer(rider, await h.offerFor(rider), 'accept');
    expect(taken.statusCode, taken.body).toBe(200);
    // Same state, one more version and one more event: the change within the state.
    const early = {
      order_id: order.id,
      seq: 3,
      kind: 'rider_assigned_early',
      status: accepted.status,
      from_status: accepted.status,
      actor: 'system',
      reason: null,
    };
    const mine = taken.json() as Order;
    expect(mine).toMatchObject({
      status: accepted.status,
      version: accepted.version + 1,
      rider: { id: rider.user.id },
    });
    expect(mine.timeline.map((event) => [event.seq, event.kind])).toEqual([
      [1, 'transition'],
      [2, 'transition'],
      [3, 'rider_assigned_early'],
    ]);
    expect(mine.timeline.at(-1)).toMatchObject(early);
    const customerView = await app.inject({ url: `/api/v1/orders/${order.id}`, headers: bearer(market.customer) });
    expect(customerView.json()).toMatchObject({
      version: mine.version,
      rider: { id: rider.user.id, name: 'Aamir Lone' },
    });

    for (const [i, [, channel]] of following.entries()) {
      const frame = await sockets[i]?.next((f) => f.type === 'event' && f.channel === channel && f.seq === 3);
      expect([channel, frame]).toEqual([channel, expect.objectContaining({ event: expect.objectContaining(early) })]);
    }

    // A customer back from a drop gets it from the database.
    const resumed = await signedInSocket(url, market.customer);
    resumed.send({ type: 'subscribe', channel: channels.order(order.id), since: 2 });
    const replayed = await resumed.next((frame) => frame.type === 'event' && frame.seq === 3);
    expect(replayed).toMatchObject({ channel: channels.order(order.id), event: early });

    await eventually(async () => {
      const told = await db.execute<{ user_id: string; title: string; body: string }>(
        sql`SELECT user_id, title, body FROM notifications
            WHERE data->>'order_id' = ${order.id} AND data->>'seq' = '3' ORDER BY title DESC`,
      );
      expect(told.rows).toEqual([
        {
          user_id: market.customer.user.id,
          title: 'Rider on the way to the shop',
          body: 'Aamir Lone is on the way to Lone General Store for your order',
        },
        {
          user_id: market.seller.user.id,
          title: 'Rider on the way',
          body: "Aamir Lone is coming to collect Shabnam Bhat's order",
        },
      ]);
    });
    // The shop's figures count moves between states: the change within one is not a second acceptance.
    const facts = await db.execute<{ seq: number }>(
      sql`SELECT seq FROM order_facts WHERE order_id = ${order.id} ORDER BY seq`,
    );
    expect(facts.rows).toEqual([{ seq: 1 }, { seq: 2 }]);
    for (const socket of [...sockets, resumed]) socket.socket.terminate();
  });
});

describe('dispatch among many riders', () => {
  let app: FastifyInstance;
  let db: Db;
  let h: ReturnType<typeof helpers>;

  beforeAll(async () => {
    ({ app, db } = await start({ waitingNoticeMs: 60_000 }));
    h = helpers(app, db);
  });
  afterAll(() => app.close());

  it('looks past the nearest 32 when none of them may be asked', async () => {
    const market = await makeMarket(app, db, 10);
    const free = await h.riderAt(900);
    // 40 riders nearer than the free one, each of whom already turned this order down.
    const declined = await Promise.all(Array.from({ length: 40 }, (_, i) => h.riderAt(100 + i * 10)));
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await db.execute(sql`
      INSERT INTO delivery_offers (id, order_id, rider_id, status, distance_m, expires_at)
      SELECT gen_random_uuid(), ${order.id}, r, 'declined', 100, now()
      FROM unnest(${`{${declined.map((rider) => rider.user.id).join(',')}}`}::uuid[]) AS r`);
    await advanceOrder(app, market, order.id, 'READY_FOR_PICKUP');
    const offer = await h.offerFor(free);
    expect(offer.order_id).toBe(order.id);
  });
});
