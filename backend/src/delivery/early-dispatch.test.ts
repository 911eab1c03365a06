import { channels, type Order } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, helpers, start } from '../../test/dispatch';
import { bearer, KUPWARA, north } from '../../test/factories';
import { advanceOrder, line, makeMarket, placeOrder, transition } from '../../test/orders';
import { listen, signedInSocket } from '../../test/sockets';
import type { Db } from '../platform/db';

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
    expect((await transition(app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 })).statusCode).toBe(200);
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
    await transition(app, market.seller, second.id, { to: 'ACCEPTED', prep_minutes: 20 });
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

    const accepted = (
      await transition(app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 })
    ).json() as Order;
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
