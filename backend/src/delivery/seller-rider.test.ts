import { ARRIVED_AT_SHOP_M } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, KUPWARA, north } from '../../test/factories';
import { advanceOrder, getOrder, line, makeMarket, placeOrder } from '../../test/orders';
import type { Db } from '../platform/db';

describe("a shop's view of its order's rider", () => {
  let app: FastifyInstance;
  let db: Db;
  beforeAll(async () => {
    const test = await makeTestApp();
    app = test.app;
    db = test.platform.database.db;
  });
  afterAll(() => app.close());

  const riderOf = (who: { access_token: string }, orderId: string) =>
    app.inject({ url: `/api/v1/seller/orders/${orderId}/rider`, headers: bearer(who) });
  const report = async (rider: { access_token: string }, metresNorth: number, secondsAgo: number) => {
    const at = new Date(Date.now() - secondsAgo * 1000).toISOString();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/rider/locations',
      headers: bearer(rider),
      payload: { points: [{ ...north(KUPWARA, metresNorth), recorded_at: at }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    return at;
  };

  it('is null while nobody rides the order', async () => {
    const market = await makeMarket(app, db);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    const res = await riderOf(market.seller, order.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rider: null });
  });

  it('names the rider and their vehicle, and follows them to the shop until they are there', async () => {
    const market = await makeMarket(app, db);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(app, market, order.id, 'RIDER_ASSIGNED');
    const rider = {
      id: market.rider.user.id,
      name: 'Bilal Mir',
      phone: (await getOrder(app, market.admin, order.id)).rider?.phone,
      vehicle_type: 'motorcycle',
    };
    expect(rider.phone).toMatch(/^\+91\d{10}$/);
    expect((await riderOf(market.seller, order.id)).json()).toEqual({ rider: { ...rider, approach: null } });

    const far = await report(market.rider, 800, 20);
    const approach = (await riderOf(market.seller, order.id)).json().rider.approach;
    // 800 m north of the shop, by road 1.3 × that, at 18 km/h (5 m/s).
    expect(approach.distance_m).toBeGreaterThan(1000);
    expect(approach.distance_m).toBeLessThan(1100);
    expect(approach).toEqual({
      distance_m: approach.distance_m,
      eta_seconds: Math.round(approach.distance_m / 5),
      arrived: false,
      recorded_at: far,
    });

    const near = await report(market.rider, Math.floor(ARRIVED_AT_SHOP_M / 1.3) - 5, 0);
    expect((await riderOf(market.seller, order.id)).json().rider.approach).toMatchObject({
      eta_seconds: 0,
      arrived: true,
      recorded_at: near,
    });

    // The customer's view of the order is what it was: the rider's name and phone, nothing of the shop's.
    expect((await getOrder(app, market.customer, order.id)).rider).toEqual({
      id: rider.id,
      name: rider.name,
      phone: rider.phone,
    });

    // With the goods the rider rides away from the shop; once delivered, their phone is no longer given.
    await advanceOrder(app, market, order.id, 'PICKED_UP');
    expect((await riderOf(market.seller, order.id)).json()).toEqual({ rider: { ...rider, approach: null } });
    await advanceOrder(app, market, order.id, 'DELIVERED');
    expect((await riderOf(market.seller, order.id)).json()).toEqual({
      rider: { ...rider, phone: null, approach: null },
    });
  });

  it("is not found for another shop's seller, and not for customers or riders at all", async () => {
    const market = await makeMarket(app, db);
    const other = await makeMarket(app, db);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(app, market, order.id, 'RIDER_ASSIGNED');
    const res = await riderOf(other.seller, order.id);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await riderOf(market.customer, order.id)).statusCode).toBe(403);
    expect((await riderOf(market.rider, order.id)).statusCode).toBe(403);
    expect(
      (await app.inject({ url: `/api/v1/seller/orders/not-an-id/rider`, headers: bearer(market.seller) })).json().error
        .code,
    ).toBe('VALIDATION_FAILED');
  });
});
