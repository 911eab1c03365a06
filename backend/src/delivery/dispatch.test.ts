import { channels, type Order } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, helpers, start } from '../../test/dispatch';
import { bearer } from '../../test/factories';
import { advanceOrder, line, makeMarket, placeOrder } from '../../test/orders';
import { listen, signedInSocket } from '../../test/sockets';
import type { Db } from '../platform/db';

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
        sql`SELECT user_id FROM notifications WHERE kind IN ('customer.waiting', 'seller.waiting') AND data->>'order_id' = ${order.id}`,
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
