import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/app';
import { eventually, helpers } from '../../test/dispatch';
import { FAKE_TEMPLATES, type FakeMsg91, fakeSmsOptions, startFakeMsg91 } from '../../test/fake-msg91';
import { makeMarket } from '../../test/orders';
import { listen, signedInSocket } from '../../test/sockets';
import { isConnected } from '../notifications/presence';
import type { Db } from '../platform/db';
import { enqueue, wakeRunners } from '../platform/jobs';
import { defaultDispatch } from './dispatch';
import { deliveryJobs } from './jobs';

let fake: FakeMsg91;
let test: TestApp;
let db: Db;
let url: string;
let h: ReturnType<typeof helpers>;

beforeAll(async () => {
  fake = await startFakeMsg91();
  // The shop's own fallback is far off: only offers are texted here.
  test = await makeTestApp({
    sms: fakeSmsOptions(fake),
    smsFallbackAfterMs: 3_600_000,
    dispatch: { ...defaultDispatch, retryMs: 300 },
  });
  db = test.platform.database.db;
  url = await listen(test.app);
  h = helpers(test.app, db);
});
afterAll(async () => {
  await test.app.close();
  await fake.close();
});

const smsRows = async (orderId: string) =>
  (
    await db.execute<Record<string, unknown>>(
      sql`SELECT user_id, purpose, template_id, status FROM sms_messages WHERE order_id = ${orderId}`,
    )
  ).rows;
const offerSmsJobs = async (offerId: string) =>
  (
    await db.execute(
      sql`SELECT id FROM jobs WHERE kind = ${deliveryJobs.offerSms} AND payload->>'offer_id' = ${offerId}`,
    )
  ).rows;
const textsTo = (phone: string) => fake.sent.filter((sent) => sent.recipient.mobiles === phone.slice(1));

describe('an offer to a rider', () => {
  it('is texted once when their app has no live socket, with a link to the rider app', async () => {
    const market = await makeMarket(test.app, db);
    const rider = await h.riderAt(400);
    const order = await h.readyOrder(market);
    const offer = await h.offerFor(rider);
    await eventually(async () =>
      expect(await smsRows(order.id)).toEqual([
        { user_id: rider.user.id, purpose: 'offer', template_id: FAKE_TEMPLATES.offer, status: 'sent' },
      ]),
    );
    const [text] = textsTo(rider.user.phone);
    expect(text?.recipient).toEqual({
      mobiles: rider.user.phone.slice(1),
      shop: 'Lone General Store',
      distance: `${offer.distance_m} m`,
      link: expect.stringMatching(/^https:\/\/kupwaracart\.test\/s\/[0-9A-Za-z]{8}$/),
    });
    const opened = await test.app.inject({ url: new URL(text?.recipient.link ?? '').pathname });
    expect(opened.statusCode).toBe(302);
    expect(opened.headers.location).toBe('/rider/');

    // Again for the same order and rider: still one.
    await enqueue(db, [{ kind: deliveryJobs.offerSms, payload: { offer_id: offer.id } }]);
    await wakeRunners(test.platform.bus);
    await eventually(async () => expect(await offerSmsJobs(offer.id)).toEqual([]));
    expect(textsTo(rider.user.phone)).toHaveLength(1);
    // Busy with this order from now on, so the next test's offer goes to its own rider.
    expect((await h.answer(rider, offer, 'accept')).statusCode).toBe(200);
  });

  it('is not texted while their app is connected, and is once the socket has closed', async () => {
    const market = await makeMarket(test.app, db);
    const rider = await h.riderAt(300);
    const socket = await signedInSocket(url, rider);
    await eventually(async () => expect(await isConnected(test.platform.cache, rider.user.id)).toBe(true));
    const order = await h.readyOrder(market);
    const offer = await h.offerFor(rider);
    // The text would have been queued with the offer, in its transaction: there is none to come.
    expect(await offerSmsJobs(offer.id)).toEqual([]);
    expect(await smsRows(order.id)).toEqual([]);
    expect(textsTo(rider.user.phone)).toEqual([]);

    socket.socket.close();
    await socket.closed;
    await eventually(async () => expect(await isConnected(test.platform.cache, rider.user.id)).toBe(false));
    expect((await h.answer(rider, offer, 'decline')).statusCode).toBe(204);
    const next = await h.readyOrder(market);
    await h.offerFor(rider);
    await eventually(async () =>
      expect(await smsRows(next.id)).toEqual([
        { user_id: rider.user.id, purpose: 'offer', template_id: FAKE_TEMPLATES.offer, status: 'sent' },
      ]),
    );
    expect(textsTo(rider.user.phone)).toHaveLength(1);
  });
});
