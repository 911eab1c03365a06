// The dispatch tests' app and riders: a fast retry, riders placed by distance from the shop.
import type { DeliveryOffer } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect, vi } from 'vitest';
import { defaultDispatch } from '../src/delivery/dispatch';
import type { DispatchFrom, DispatchOptions } from '../src/platform/config';
import type { Db } from '../src/platform/db';
import { makeTestApp } from './app';
import { bearer, KUPWARA, north, registerUser } from './factories';
import { advanceOrder, line, type makeMarket, placeOrder } from './orders';

export type Session = Awaited<ReturnType<typeof registerUser>>;
export type Market = Awaited<ReturnType<typeof makeMarket>>;

export const eventually = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 15_000, interval: 100 });

/** Dispatch as configured, but looking again for a rider every 300 ms. */
export const fastDispatch = (dispatch: Partial<DispatchOptions> = {}): DispatchOptions => ({
  ...defaultDispatch,
  retryMs: 300,
  ...dispatch,
});

export async function start(dispatch: Partial<DispatchOptions>, dispatchFrom: DispatchFrom = 'READY_FOR_PICKUP') {
  const test = await makeTestApp({ dispatchFrom, dispatch: fastDispatch(dispatch) });
  return { app: test.app, db: test.platform.database.db };
}

export function helpers(app: FastifyInstance, db: Db) {
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
