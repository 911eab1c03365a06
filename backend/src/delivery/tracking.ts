import {
  channels,
  type LatLng,
  metresBetween,
  type OrderStatus,
  type PositionPoint,
  RIDER_SPEED_KMH,
  ROAD_FACTOR,
  riderHeading,
  type TrackingPosition,
} from '@kupwara/shared';
import { eq } from 'drizzle-orm';
import { type NotificationRequest, requestNotifications } from '../notifications/requests';
import { activeDeliveriesOf, activeRiderOf } from '../orders/order-queries';
import { broadcast } from '../platform/broadcast';
import type { Bus } from '../platform/bus';
import type { Db } from '../platform/db';
import { wakeRunners } from '../platform/jobs';
import { executeAsOneStatement } from '../platform/together';
import { riderPositions } from './tables';

/** Distance and time by road between two points. Swap in OSRM or Valhalla behind this. */
export interface EtaEstimator {
  estimate(from: LatLng, to: LatLng): { distanceM: number; seconds: number };
}

/** Roads in a hill town wind: the straight line × the road factor, at a two-wheeler's town speed. */
export const straightLineEta: EtaEstimator = {
  estimate(from, to) {
    const distanceM = metresBetween(from, to) * ROAD_FACTOR;
    return { distanceM: Math.round(distanceM), seconds: Math.round(distanceM / ((RIDER_SPEED_KMH * 1000) / 3600)) };
  },
};

/** How often a rider's position goes out to the people watching their orders. */
export const BROADCAST_EVERY_MS = 2000;

/** A rider's fix as the server handles it: the phone's time in milliseconds. */
export type Fix = Omit<PositionPoint, 'recorded_at'> & { riderId: string; at: number };

type Delivery = { id: string; status: OrderStatus; storeLocation: LatLng; deliveryLocation: LatLng };

/** Where the rider is and the way left to where they head next; undefined once the order has ended. */
function tracking(fix: Fix, delivery: Delivery, eta: EtaEstimator): TrackingPosition | undefined {
  const toward = riderHeading(delivery.status);
  if (!toward) return undefined;
  const { distanceM, seconds } = eta.estimate(
    fix,
    toward === 'store' ? delivery.storeLocation : delivery.deliveryLocation,
  );
  return {
    order_id: delivery.id,
    rider_id: fix.riderId,
    lat: fix.lat,
    lng: fix.lng,
    accuracy_m: fix.accuracy_m ?? null,
    heading: fix.heading ?? null,
    speed_mps: fix.speed_mps ?? null,
    recorded_at: new Date(fix.at).toISOString(),
    toward,
    distance_m: distanceM,
    eta_seconds: seconds,
  };
}

/** Within this much road of where they head, a rider is "nearly there": the shop or the customer is told. */
export const ARRIVING_M = 300;

type Arriving = Awaited<ReturnType<typeof activeDeliveriesOf>>[number];

/** The person waiting where the rider heads learns they are nearly there (once per order and place). */
function arrivalNotice(delivery: Arriving, toward: 'store' | 'customer'): NotificationRequest {
  const values = {
    rider: delivery.riderName ?? 'Your rider',
    customer: delivery.customerName,
    store: delivery.storeName,
  };
  const data = { order_id: delivery.id };
  return toward === 'store'
    ? {
        userId: delivery.sellerId,
        template: 'seller.rider_arriving',
        values,
        data,
        dedupeKey: `rider-arriving:${delivery.id}`,
      }
    : {
        userId: delivery.customerId,
        template: 'customer.arriving',
        values,
        data,
        dedupeKey: `arriving:${delivery.id}`,
      };
}

/**
 * Sends riders' new positions to the channels of the orders they carry, and tells the shop or the
 * customer when a rider is nearly there. `told` remembers which arrivals this process already
 * recorded, so a rider waiting at the door does not write the same news every two seconds.
 */
export async function publishPositions(
  db: Db,
  bus: Bus,
  fixes: readonly Fix[],
  eta = straightLineEta,
  told = new Set<string>(),
) {
  const byRider = new Map(fixes.map((fix) => [fix.riderId, fix]));
  const deliveries = await activeDeliveriesOf(db, [...byRider.keys()]);
  const arrivals: NotificationRequest[] = [];
  await Promise.all(
    deliveries.flatMap((delivery) => {
      const fix = byRider.get(delivery.riderId ?? '');
      const position = fix && tracking(fix, delivery, eta);
      if (!position) return [];
      const key = `${delivery.id} ${position.toward}`;
      if (position.distance_m <= ARRIVING_M && !told.has(key)) {
        told.add(key);
        arrivals.push(arrivalNotice(delivery, position.toward));
      }
      return [broadcast(bus, channels.order(delivery.id), { type: 'position', position })];
    }),
  );
  if (told.size > 100_000) told.clear();
  if (arrivals.length > 0) {
    await executeAsOneStatement(db, requestNotifications(db, arrivals));
    await wakeRunners(bus);
  }
}

/** Where the rider of an order is now, for someone who just started following it (latest only). */
export async function latestPosition(db: Db, orderId: string, eta = straightLineEta) {
  const delivery = await activeRiderOf(db, orderId);
  if (!delivery) return undefined;
  const [row] = await db.select().from(riderPositions).where(eq(riderPositions.riderId, delivery.riderId));
  if (!row) return undefined;
  const fix = {
    riderId: row.riderId,
    ...row.location,
    accuracy_m: row.accuracyM ?? undefined,
    heading: row.heading ?? undefined,
    speed_mps: row.speedMps ?? undefined,
    at: row.recordedAt.getTime(),
  };
  return tracking(fix, delivery, eta);
}
