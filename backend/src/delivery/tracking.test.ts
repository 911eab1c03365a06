import { channels, type ServerFrame } from '@kupwara/shared';
import { describe, expect, it } from 'vitest';
import { bearer, KUPWARA, north } from '../../test/factories';
import { advanceOrder, HOME, line, makeMarket, placeOrder, transition } from '../../test/orders';
import { liveTestApp, type TestSocket } from '../../test/sockets';

const live = liveTestApp();
const follow = async (client: TestSocket, channel: string) => {
  client.send({ type: 'subscribe', channel });
  await client.next((frame) => frame.type === 'subscribed' && frame.channel === channel);
};
const positions = (client: TestSocket) =>
  client.frames.flatMap((frame: ServerFrame) => (frame.type === 'position' ? [frame.position] : []));
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

async function assignedOrder() {
  const market = await makeMarket(live.app, live.db);
  const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
  await advanceOrder(live.app, market, order.id, 'RIDER_ASSIGNED');
  return { market, order };
}

const report = (rider: { access_token: string }, metresNorth: number, secondsAgo = 0) =>
  live.app.inject({
    method: 'POST',
    url: '/api/v1/rider/locations',
    headers: bearer(rider),
    payload: {
      points: [{ ...north(KUPWARA, metresNorth), recorded_at: new Date(Date.now() - secondsAgo * 1000).toISOString() }],
    },
  });

describe('tracking a delivery', () => {
  it('sends the rider’s positions to the order’s followers with the way left, and to nobody else', async () => {
    const { market, order } = await assignedOrder();
    const other = await makeMarket(live.app, live.db);
    const customer = await live.connect(market.customer);
    const seller = await live.connect(market.seller);
    const outsider = await live.connect(other.customer);
    await follow(customer, channels.order(order.id));
    await follow(seller, channels.store(market.store.id));
    outsider.send({ type: 'subscribe', channel: channels.order(order.id) });
    await outsider.next((frame) => frame.type === 'error' && frame.code === 'FORBIDDEN');

    expect((await report(market.rider, 800)).statusCode).toBe(200);
    const frame = await customer.next((f) => f.type === 'position');
    expect(frame).toMatchObject({
      channel: channels.order(order.id),
      position: { order_id: order.id, rider_id: market.rider.user.id, toward: 'store' },
    });
    // 800 m from the shop (at the town centre), by road 1.3 × that, at 18 km/h.
    const position = frame.type === 'position' ? frame.position : undefined;
    expect(position?.distance_m).toBeGreaterThan(1000);
    expect(position?.distance_m).toBeLessThan(1100);
    expect(position?.eta_seconds).toBe(Math.round((position?.distance_m ?? 0) / 5));

    await settle();
    expect(positions(seller)).toEqual([]);
    expect(positions(outsider)).toEqual([]);
  });

  it('sends at most one position every two seconds, and the newest to whoever starts following', async () => {
    const { market, order } = await assignedOrder();
    const customer = await live.connect(market.customer);
    await follow(customer, channels.order(order.id));
    // A rider riding north, at 10 m/s.
    await report(market.rider, 100, 20);
    await report(market.rider, 200, 10);
    await report(market.rider, 300, 0);
    await settle();
    expect(positions(customer)).toHaveLength(1);

    const late = await live.connect(market.customer);
    await follow(late, channels.order(order.id));
    const newest = await late.next((f) => f.type === 'position');
    expect(newest.type === 'position' && newest.position.lat).toBeCloseTo(north(KUPWARA, 300).lat, 6);
    await settle();
    expect(positions(late)).toHaveLength(1);
  });

  it('points the way to the customer once the order is picked up', async () => {
    const { market, order } = await assignedOrder();
    await transition(live.app, market.rider, order.id, { to: 'PICKED_UP' });
    await report(market.rider, 50);
    const customer = await live.connect(market.customer);
    await follow(customer, channels.order(order.id));
    const frame = await customer.next((f) => f.type === 'position');
    expect(frame.type === 'position' && frame.position.toward).toBe('customer');
    const expected = 1.3 * (HOME.location.lat - north(KUPWARA, 50).lat) * 111_195;
    expect(frame.type === 'position' && frame.position.distance_m).toBeCloseTo(expected, -1);
  });

  it('takes a rider’s locations over the socket, answers with the ref, and refuses them from anyone else', async () => {
    const { market, order } = await assignedOrder();
    const customer = await live.connect(market.customer);
    await follow(customer, channels.order(order.id));
    const rider = await live.connect(market.rider);
    const at = new Date().toISOString();
    const fixes = [
      { ...north(KUPWARA, 400), recorded_at: at },
      { ...north(KUPWARA, 450), recorded_at: at },
      { ...north(KUPWARA, 350), recorded_at: new Date(Date.now() - 5000).toISOString() },
    ];
    rider.send({ type: 'locations', ref: 'batch-1', points: fixes });
    const saved = await rider.next((f) => f.type === 'locations_saved');
    expect(saved).toEqual({
      type: 'locations_saved',
      ref: 'batch-1',
      accepted: 2,
      rejected: [{ index: 1, reason: 'duplicate' }],
      position: { ...north(KUPWARA, 400), recorded_at: at },
    });
    const frame = await customer.next((f) => f.type === 'position');
    expect(frame.type === 'position' && frame.position.recorded_at).toBe(at);

    customer.send({ type: 'locations', ref: 'not-mine', points: [fixes[0]] });
    await customer.next((f) => f.type === 'error' && f.code === 'FORBIDDEN');
    rider.send({ type: 'locations', ref: 'bad', points: [{ lat: 200, lng: 0, recorded_at: at }] });
    await rider.next((f) => f.type === 'error' && f.code === 'BAD_FRAME');
  });
});
