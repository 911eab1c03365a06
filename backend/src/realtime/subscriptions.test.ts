import { type ChannelName, channels } from '@kupwara/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/app';
import { advanceOrder, getOrder, line, makeMarket, placeOrder, transition } from '../../test/orders';
import { isEvent, listen, liveTestApp, seqsOn, settle, subscribe } from '../../test/sockets';
import { broadcast } from '../platform/broadcast';
import { newId } from '../platform/ids';

const live = liveTestApp();

describe('following channels', () => {
  it('lets each party follow only its own channels, and sends nothing of a forbidden one', async () => {
    const market = await makeMarket(live.app, live.db);
    const other = await makeMarket(live.app, live.db);
    const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    const assigned = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(live.app, market, assigned.id, 'RIDER_ASSIGNED');

    const cases: [string, { access_token: string }, ChannelName, 'subscribed' | 'FORBIDDEN'][] = [
      ['customer, own order', market.customer, channels.order(order.id), 'subscribed'],
      ['another customer', other.customer, channels.order(order.id), 'FORBIDDEN'],
      ['seller, own store', market.seller, channels.store(market.store.id), 'subscribed'],
      ['seller, own store’s order', market.seller, channels.order(order.id), 'subscribed'],
      ['another seller, the store', other.seller, channels.store(market.store.id), 'FORBIDDEN'],
      ['another seller, the order', other.seller, channels.order(order.id), 'FORBIDDEN'],
      ['customer, the store', market.customer, channels.store(market.store.id), 'FORBIDDEN'],
      ['rider, themself', market.rider, channels.rider(market.rider.user.id), 'subscribed'],
      ['rider, another rider', other.rider, channels.rider(market.rider.user.id), 'FORBIDDEN'],
      ['rider, assigned order', market.rider, channels.order(assigned.id), 'subscribed'],
      ['rider, an order not theirs', market.rider, channels.order(order.id), 'FORBIDDEN'],
      ['customer, a rider', market.customer, channels.rider(market.rider.user.id), 'FORBIDDEN'],
      ['operator, anything', market.admin, channels.store(other.store.id), 'subscribed'],
      ['no such order', market.customer, channels.order('01900000-0000-7000-8000-000000000000'), 'FORBIDDEN'],
    ];
    const outsider = await live.connect(other.customer);
    await subscribe(outsider, channels.order(order.id));
    for (const [who, session, channel, expected] of cases) {
      const client = await live.connect(session);
      const answer = await subscribe(client, channel);
      expect([who, answer.type === 'error' ? answer.code : answer.type]).toEqual([who, expected]);
    }
    expect((await transition(live.app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 })).statusCode).toBe(
      200,
    );
    const customer = await live.connect(market.customer);
    await subscribe(customer, channels.order(order.id), 1);
    await customer.next(isEvent(channels.order(order.id), 2));
    await settle();
    expect(outsider.frames.filter((frame) => frame.type === 'event')).toEqual([]);
  });

  it('sends each event of an order to its customer and to its store’s seller as it happens', async () => {
    const market = await makeMarket(live.app, live.db);
    const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    const customer = await live.connect(market.customer);
    const seller = await live.connect(market.seller);
    await subscribe(customer, channels.order(order.id));
    await subscribe(seller, channels.store(market.store.id));
    expect((await transition(live.app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 })).statusCode).toBe(
      200,
    );
    const event = await customer.next(isEvent(channels.order(order.id), 2));
    expect(event).toMatchObject({
      event: { order_id: order.id, kind: 'transition', status: 'ACCEPTED', from_status: order.status, actor: 'seller' },
    });
    await seller.next(isEvent(channels.store(market.store.id), 2));
    // Subscribing without `since` starts from now: the order's first event is not replayed.
    expect(seqsOn(customer, channels.order(order.id))).toEqual([2]);
    const metrics = (await live.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/^ws_open_sockets [1-9]\d*$/m);
    expect(metrics).toMatch(/^ws_subscriptions [1-9]\d*$/m);
    expect(metrics).toMatch(/^ws_fanout_seconds_count [1-9]\d*$/m);
    expect(metrics).toMatch(/^ws_frames_out_total [1-9]\d*$/m);
  });

  it('replays exactly the missed events in order after a drop, then goes on live', async () => {
    const market = await makeMarket(live.app, live.db);
    const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    const channel = channels.order(order.id);
    const first = await live.connect(market.customer);
    await subscribe(first, channel, 0);
    await first.next(isEvent(channel, 1));
    first.socket.terminate();

    await advanceOrder(live.app, market, order.id, 'PREPARING');
    const again = await live.connect(market.customer);
    await subscribe(again, channel, 1);
    await again.next(isEvent(channel, 3));
    await transition(live.app, market.seller, order.id, { to: 'READY_FOR_PICKUP' });
    await again.next(isEvent(channel, 4));
    await settle();
    expect(seqsOn(again, channel)).toEqual([2, 3, 4]);
  });

  it('has no gap and no duplicate when events are committed during the replay', async () => {
    const market = await makeMarket(live.app, live.db);
    const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    const channel = channels.order(order.id);
    const client = await live.connect(market.customer);
    const moves = advanceOrder(live.app, market, order.id, 'READY_FOR_PICKUP');
    await subscribe(client, channel, 0);
    await moves;
    await client.next(isEvent(channel, 4));
    await settle();
    expect(seqsOn(client, channel)).toEqual([1, 2, 3, 4]);
  });

  it('answers a second subscribe once more without sending anything twice, and stops at unsubscribe', async () => {
    const market = await makeMarket(live.app, live.db);
    const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    const channel = channels.order(order.id);
    const client = await live.connect(market.customer);
    await subscribe(client, channel, 0);
    expect(await subscribe(client, channel, 0)).toEqual({ type: 'subscribed', channel });
    await transition(live.app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 });
    await client.next(isEvent(channel, 2));

    client.send({ type: 'unsubscribe', channel });
    await client.next((frame) => frame.type === 'unsubscribed' && frame.channel === channel);
    await transition(live.app, market.seller, order.id, { to: 'PREPARING' });
    // Leaving a channel never followed is answered the same way.
    const never = channels.store(market.store.id);
    client.send({ type: 'unsubscribe', channel: never });
    await client.next((frame) => frame.type === 'unsubscribed' && frame.channel === never);
    await settle();
    expect(seqsOn(client, channel)).toEqual([1, 2]);
    expect(client.frames.filter((frame) => frame.type === 'subscribed')).toHaveLength(2);
  });

  it('follows at most 200 channels on one socket', async () => {
    const market = await makeMarket(live.app, live.db);
    const client = await live.connect(market.admin);
    const riders = Array.from({ length: 201 }, () => channels.rider(newId()));
    for (const channel of riders.slice(0, 200)) client.send({ type: 'subscribe', channel });
    const last = riders[199] ?? channels.rider(newId());
    await client.next((frame) => frame.type === 'subscribed' && frame.channel === last);
    const over = riders[200] ?? channels.rider(newId());
    expect(await subscribe(client, over)).toMatchObject({
      type: 'error',
      code: 'TOO_MANY_SUBSCRIPTIONS',
      channel: over,
    });

    client.send({ type: 'unsubscribe', channel: last });
    client.send({ type: 'subscribe', channel: over });
    await client.next((frame) => frame.type === 'subscribed' && frame.channel === over);
  });
});

describe('when the bus loses an event', () => {
  // A node whose side effects do not run: nothing is broadcast but what the test sends itself.
  let quiet: TestApp;
  let quietUrl: string;
  beforeAll(async () => {
    quiet = await makeTestApp({}, { runJobs: false });
    quietUrl = await listen(quiet.app);
  });
  afterAll(() => quiet.app.close());

  it('fills the gap from the database on an order’s channel, in order, and sends a copy never', async () => {
    const { app: node, platform } = quiet;
    const market = await makeMarket(node, platform.database.db);
    const order = await placeOrder(node, market.customer, market.store.id, [line(market.rice)]);
    const channel = channels.order(order.id);
    const customer = await live.connect(market.customer, quietUrl);
    const seller = await live.connect(market.seller, quietUrl);
    await subscribe(customer, channel, 0);
    await customer.next(isEvent(channel, 1));
    await subscribe(seller, channels.store(market.store.id));
    expect((await transition(node, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 })).statusCode).toBe(
      200,
    );
    expect((await transition(node, market.seller, order.id, { to: 'PREPARING' })).statusCode).toBe(200);
    const third = (await getOrder(node, market.customer, order.id)).timeline[2];
    if (!third) throw new Error('the order has no third event');

    // Only the third event is broadcast, twice: the second comes from the database before it.
    await broadcast(platform.bus, channel, { type: 'event', event: third });
    await broadcast(platform.bus, channel, { type: 'event', event: third });
    await customer.next(isEvent(channel, 3));
    // A store's channel has no replay: it carries what comes.
    await broadcast(platform.bus, channels.store(market.store.id), { type: 'event', event: third });
    await seller.next(isEvent(channels.store(market.store.id), 3));
    // What is not a message of the contract never reaches a socket.
    await platform.bus.publish(channel, { ...third, seq: 4 });
    await settle();
    expect(seqsOn(customer, channel)).toEqual([1, 2, 3]);
    expect(seqsOn(seller, channels.store(market.store.id))).toEqual([3]);
  });
});
