import type { RiderApproach, SellerOrderRider, TrackingPosition } from '@kupwara/shared';
import { useServices } from '@kupwara/shared/app';
import { approachToShop } from '@kupwara/shared/values';
import { useQuery } from '@tanstack/react-query';

export const orderRiderKeys = {
  /** Keyed by the rider too: a rider taken (or changed) is a different answer, read at once. */
  of: (orderId: string, riderId: string | null) => ['order', orderId, 'rider', riderId] as const,
};

export type OrderRider = NonNullable<SellerOrderRider['rider']>;

/**
 * The order's rider as the shop sees them (offline pattern: none; a stale answer is fine), their
 * approach moved on by each live position from the order's channel (`useOrderLive`).
 */
export function useOrderRider(orderId: string, riderId: string | null, live: TrackingPosition | null) {
  const { api } = useServices();
  const query = useQuery({
    queryKey: orderRiderKeys.of(orderId, riderId),
    queryFn: ({ signal }) => api.call('sellerOrderRider', { params: { id: orderId }, signal }),
    enabled: riderId !== null,
  });
  const rider = query.data?.rider ?? null;
  return { ...query, rider: rider && withLive(rider, live) };
}

/** The rider with the newer of the two approaches: the one read, or the live position. */
export function withLive(rider: OrderRider, live: TrackingPosition | null): OrderRider {
  if (!live || live.rider_id !== rider.id) return rider;
  if (rider.approach && rider.approach.recorded_at >= live.recorded_at) return rider;
  const approach: RiderApproach | null = approachToShop(live);
  return { ...rider, approach };
}
