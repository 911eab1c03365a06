import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp } from '../../test/app';
import { fastDispatch, helpers, type Session } from '../../test/dispatch';
import { bearer, KUPWARA, north } from '../../test/factories';
import { type FakeExpoPush, startFakeExpoPush } from '../../test/fake-expo-push';
import { advanceOrder, HOME, line, makeMarket, placeOrder } from '../../test/orders';
import type { Db } from '../platform/db';

const ACCESS_TOKEN = 'expo-access-token-for-tests';
let fake: FakeExpoPush;
let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  fake = await startFakeExpoPush({ accessToken: ACCESS_TOKEN });
  const test = await makeTestApp({
    push: { service: 'expo', accessToken: ACCESS_TOKEN, url: fake.url, receiptDelayMs: 1000 },
    dispatch: fastDispatch({ offerTimeoutMs: 1500 }),
  });
  app = test.app;
  db = test.platform.database.db;
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

const eventually = <T>(check: () => Promise<T> | T, timeout = 15_000) => vi.waitFor(check, { timeout, interval: 100 });

let serial = 0;
/** Registers a phone for the person and returns its token. */
async function phone(who: Session, platform: 'android' | 'ios' = 'android') {
  const token = `ExponentPushToken[push-${process.pid}-${Date.now().toString(36)}-${serial++}]`;
  const app_ = who.user.role === 'customer' ? 'customer' : who.user.role;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/devices',
    headers: bearer(who),
    payload: { expo_push_token: token, platform, app: app_, locale: 'en' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return token;
}

const pushesTo = (token: string, orderId?: string) =>
  fake.received.filter((push) => push.to === token && (!orderId || push.data.order_id === orderId));
const kindsTo = (token: string, orderId?: string) => pushesTo(token, orderId).map((push) => String(push.data.kind));
const deviceExists = async (token: string) =>
  (await db.execute(sql`SELECT 1 FROM devices WHERE expo_push_token = ${token}`)).rows.length === 1;

describe('pushes through Expo', () => {
  it("sends each step of an order to the right people's phones, once each, in the right channel", async () => {
    const market = await makeMarket(app, db);
    const [customerAndroid, customerIphone] = [await phone(market.customer), await phone(market.customer, 'ios')];
    const seller = await phone(market.seller);
    const rider = await phone(market.rider);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(app, market, order.id, 'DELIVERED');

    const customerNews = [
      'customer.accepted',
      'customer.delivered',
      'customer.in_transit',
      'customer.picked_up',
      'customer.preparing',
      'customer.ready',
      'customer.rider_assigned',
    ];
    await eventually(() => {
      expect(kindsTo(customerAndroid, order.id).sort()).toEqual(customerNews);
      expect(kindsTo(customerIphone, order.id).sort()).toEqual(customerNews);
      expect(kindsTo(seller, order.id).sort()).toEqual(['seller.delivered', 'seller.new_order']);
      expect(kindsTo(rider, order.id)).toEqual(['rider.assigned']);
    });

    const [newOrder] = pushesTo(seller, order.id);
    expect(newOrder).toMatchObject({
      title: 'New order',
      body: 'Shabnam Bhat: 1 item, please accept or reject',
      channelId: 'orders',
      sound: 'new-order.wav',
      priority: 'high',
      interruptionLevel: 'time-sensitive',
      data: { order_id: order.id, kind: 'seller.new_order', status: 'PENDING' },
    });
    const accepted = pushesTo(customerAndroid, order.id).find((push) => push.data.kind === 'customer.accepted');
    expect(accepted).toMatchObject({ channelId: 'updates', sound: 'default', interruptionLevel: 'active' });
    expect(accepted?.body).toMatch(/accepted your order: ready in about 20 minutes$/);

    // Exactly one message per notification and phone, each with its ticket kept (written just after Expo answers).
    await eventually(async () => {
      const kept = await db.execute<{ n: number; distinct_pairs: number; tickets: number }>(sql`
        SELECT count(*)::int AS n, count(DISTINCT (p.notification_id, p.expo_push_token))::int AS distinct_pairs,
               count(p.ticket_id)::int AS tickets
        FROM push_messages p JOIN notifications n ON n.id = p.notification_id WHERE n.data->>'order_id' = ${order.id}`);
      expect(kept.rows[0]).toEqual({ n: 17, distinct_pairs: 17, tickets: 17 });
    });
    expect(fake.received.filter((push) => push.data.order_id === order.id)).toHaveLength(17);
  });

  it('removes a phone whose ticket says DeviceNotRegistered, and sends it nothing more', async () => {
    const market = await makeMarket(app, db);
    const [gone, kept] = [await phone(market.seller), await phone(market.seller)];
    fake.unregisterInTicket(gone);
    const first = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await eventually(async () => expect(await deviceExists(gone)).toBe(false));
    const second = await placeOrder(app, market.customer, market.store.id, [line(market.tea)]);
    await eventually(() => expect(kindsTo(kept, second.id)).toEqual(['seller.new_order']));
    expect(kindsTo(kept, first.id)).toEqual(['seller.new_order']);
    expect(pushesTo(gone)).toEqual([]);
    const [ticket] = (
      await db.execute<{ ticket_status: string; ticket_error: string }>(
        sql`SELECT ticket_status, ticket_error FROM push_messages WHERE expo_push_token = ${gone}`,
      )
    ).rows;
    expect(ticket).toEqual({ ticket_status: 'error', ticket_error: 'DeviceNotRegistered' });
  });

  it('reads the receipts later: DeviceNotRegistered there removes the phone, other errors are kept', async () => {
    const market = await makeMarket(app, db);
    const [gone, flaky] = [await phone(market.seller), await phone(market.seller, 'ios')];
    fake.receiptError(gone, 'DeviceNotRegistered');
    fake.receiptError(flaky, 'InvalidCredentials');
    const first = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await eventually(() => expect(kindsTo(gone, first.id)).toEqual(['seller.new_order']));
    await eventually(async () => expect(await deviceExists(gone)).toBe(false));
    const receipts = await db.execute<{ expo_push_token: string; receipt_status: string; receipt_error: string }>(sql`
      SELECT expo_push_token, receipt_status, receipt_error FROM push_messages p
      JOIN notifications n ON n.id = p.notification_id WHERE n.data->>'order_id' = ${first.id} ORDER BY receipt_error`);
    expect(receipts.rows).toEqual([
      { expo_push_token: gone, receipt_status: 'error', receipt_error: 'DeviceNotRegistered' },
      { expo_push_token: flaky, receipt_status: 'error', receipt_error: 'InvalidCredentials' },
    ]);
    expect(await deviceExists(flaky)).toBe(true);
    const second = await placeOrder(app, market.customer, market.store.id, [line(market.tea)]);
    await eventually(() => expect(kindsTo(flaky, second.id)).toEqual(['seller.new_order']));
    expect(pushesTo(gone, second.id)).toEqual([]);
  });

  it('keeps what the push service could not take (5xx, a dropped connection, 429) and sends it once after', async () => {
    const market = await makeMarket(app, db);
    const seller = await phone(market.seller);
    const refusedBefore = fake.refused;
    fake.failNext(503, 1);
    fake.failNext('drop', 1);
    // The SDK itself retries a 429 twice: the third surfaces to the sender's own backoff.
    fake.failNext(429, 3);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await eventually(() => expect(kindsTo(seller, order.id)).toEqual(['seller.new_order']), 60_000);
    expect(fake.refused - refusedBefore).toBe(5);
    const [row] = (
      await db.execute<{ attempts: number; sent: boolean }>(sql`
        SELECT push_attempts AS attempts, sent_at IS NOT NULL AS sent FROM notifications
        WHERE kind = 'seller.new_order' AND data->>'order_id' = ${order.id}`)
    ).rows;
    expect(row).toEqual({ attempts: 4, sent: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(kindsTo(seller, order.id)).toEqual(['seller.new_order']);
  }, 90_000);

  it('does not retry a request the service refuses as a whole (a 401), and records why', async () => {
    const market = await makeMarket(app, db);
    const seller = await phone(market.seller);
    fake.failNext(401, 1);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await eventually(async () => {
      const rows = await db.execute<{ ticket_status: string; ticket_error: string }>(sql`
        SELECT ticket_status, ticket_error FROM push_messages WHERE expo_push_token = ${seller}`);
      expect(rows.rows).toEqual([{ ticket_status: 'error', ticket_error: 'HTTP 401' }]);
    });
    expect(pushesTo(seller, order.id)).toEqual([]);
  });

  it('wakes a rider with the offer (loud, short-lived) and says when it went to someone else', async () => {
    const h = helpers(app, db);
    const market = await makeMarket(app, db);
    const rider = await h.riderAt(300);
    const token = await phone(rider);
    const order = await h.readyOrder(market);
    const offer = await h.offerFor(rider);
    await eventually(() => expect(kindsTo(token, order.id)).toEqual(['rider.new_offer']));
    expect(pushesTo(token, order.id)[0]).toMatchObject({
      title: 'New delivery offer',
      channelId: 'offers',
      sound: 'offer.wav',
      ttl: 60,
      interruptionLevel: 'time-sensitive',
      data: { order_id: order.id, offer_id: offer.id, kind: 'rider.new_offer' },
    });
    expect(pushesTo(token, order.id)[0]?.body).toMatch(/, 300 m away: take it within 2 s$/);
    await eventually(() => expect(kindsTo(token, order.id)).toEqual(['rider.new_offer', 'rider.offer_expired']));
  });
});

describe('a rider nearly there', () => {
  it('tells the shop once when its rider is close, and the customer once when the order is', async () => {
    const market = await makeMarket(app, db);
    const [seller, customer] = [await phone(market.seller), await phone(market.customer)];
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(app, market, order.id, 'RIDER_ASSIGNED');
    const online = await app.inject({
      method: 'POST',
      url: '/api/v1/rider/status',
      headers: bearer(market.rider),
      payload: { status: 'online' },
    });
    expect(online.statusCode, online.body).toBe(200);
    // Fixes two minutes apart on the phone (a believable ride), sent as positions go out: every two seconds.
    const firstFix = Date.now() - 20 * 60_000;
    let fixes = 0;
    const at = async (where: { lat: number; lng: number }) => {
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const recorded_at = new Date(firstFix + fixes++ * 120_000).toISOString();
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/rider/locations',
        headers: bearer(market.rider),
        payload: { points: [{ ...where, recorded_at }] },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await at(north(KUPWARA, 2000));
    await at(north(KUPWARA, 150));
    await at(north(KUPWARA, 100));
    await eventually(() => expect(kindsTo(seller, order.id)).toEqual(['seller.new_order', 'seller.rider_arriving']));
    await advanceOrder(app, market, order.id, 'IN_TRANSIT');
    await at(north(HOME.location, 200));
    await at(north(HOME.location, 50));
    await eventually(() => expect(kindsTo(customer, order.id)).toContain('customer.arriving'));
    expect(kindsTo(customer, order.id).filter((kind) => kind === 'customer.arriving')).toHaveLength(1);
    expect(kindsTo(seller, order.id).filter((kind) => kind === 'seller.rider_arriving')).toHaveLength(1);
  }, 60_000);
});

describe('pushes with no push service (the embedded default)', () => {
  it('records and logs each push, sends nothing', async () => {
    const quiet = await makeTestApp();
    try {
      const qdb = quiet.platform.database.db;
      const market = await makeMarket(quiet.app, qdb);
      const token = 'ExponentPushToken[logged-only-phone]';
      const res = await quiet.app.inject({
        method: 'POST',
        url: '/api/v1/devices',
        headers: bearer(market.seller),
        payload: { expo_push_token: token, platform: 'android', app: 'seller', locale: 'en' },
      });
      expect(res.statusCode).toBe(200);
      const order = await placeOrder(quiet.app, market.customer, market.store.id, [line(market.rice)]);
      await eventually(async () => {
        const rows = await qdb.execute<{ ticket_status: string; ticket_id: string | null }>(sql`
          SELECT ticket_status, ticket_id FROM push_messages p JOIN notifications n ON n.id = p.notification_id
          WHERE n.data->>'order_id' = ${order.id}`);
        expect(rows.rows).toEqual([{ ticket_status: 'logged', ticket_id: null }]);
      });
      expect(pushesTo(token)).toEqual([]);
    } finally {
      await quiet.app.close();
    }
  });
});
