import { type LatLng, metresBetween, RIDER_SPEED_KMH, ROAD_FACTOR, type TrackingPosition } from '@kupwara/shared';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { activeDeliveriesOf, activeRiderOf } from '../orders/order-queries';
import type { Bus } from '../platform/bus';
import type { Db } from '../platform/db';
import type { PositionRow } from './positions';
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

/** A bus message on an order's channel that is a position, not an order event. */
export type PositionMessage = { type: 'position'; position: TrackingPosition };

type Delivery = { id: string; status: string; storeLocation: LatLng; deliveryLocation: LatLng };

function tracking(row: PositionRow, delivery: Delivery, eta: EtaEstimator): TrackingPosition {
  const toward = delivery.status === 'RIDER_ASSIGNED' ? 'store' : 'customer';
  const { distanceM, seconds } = eta.estimate(
    row.location,
    toward === 'store' ? delivery.storeLocation : delivery.deliveryLocation,
  );
  return {
    order_id: delivery.id,
    rider_id: row.riderId,
    lat: row.location.lat,
    lng: row.location.lng,
    accuracy_m: row.accuracyM,
    heading: row.heading,
    speed_mps: row.speedMps,
    recorded_at: row.recordedAt.toISOString(),
    toward,
    distance_m: distanceM,
    eta_seconds: seconds,
  };
}

/**
 * Sends a rider's new position to the channels of the orders they carry, at most once per
 * BROADCAST_EVERY_MS (the mark is in the database, so every API process keeps the same pace).
 */
export async function broadcastPosition(db: Db, bus: Bus, row: PositionRow, eta = straightLineEta) {
  const [due] = await db
    .update(riderPositions)
    .set({ broadcastAt: sql`now()` })
    .where(
      and(
        eq(riderPositions.riderId, row.riderId),
        or(
          isNull(riderPositions.broadcastAt),
          lte(riderPositions.broadcastAt, sql`now() - ${`${BROADCAST_EVERY_MS} milliseconds`}::interval`),
        ),
      ),
    )
    .returning({ riderId: riderPositions.riderId });
  if (!due) return;
  const deliveries = await activeDeliveriesOf(db, row.riderId);
  await Promise.all(
    deliveries.map((delivery) =>
      bus.publish(`order.${delivery.id}`, {
        type: 'position',
        position: tracking(row, delivery, eta),
      } satisfies PositionMessage),
    ),
  );
}

/** Where the rider of an order is now, for someone who just started following it (latest only). */
export async function latestPosition(db: Db, orderId: string, eta = straightLineEta) {
  const delivery = await activeRiderOf(db, orderId);
  if (!delivery) return undefined;
  const [row] = await db.select().from(riderPositions).where(eq(riderPositions.riderId, delivery.riderId));
  return row ? tracking(row, delivery, eta) : undefined;
}
