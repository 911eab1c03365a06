import { approachToShop, isFinal, type SellerOrderRider } from '@kupwara/shared';
import { vehicleTypeOf } from '../accounts/users';
import { riderOfOrder } from '../orders/order-queries';
import type { OrderCaller } from '../orders/order-view';
import type { Db } from '../platform/db';
import { notFound } from '../platform/http/errors';
import { latestPosition } from './tracking';

/**
 * The rider of a shop's order as its seller sees it: who, on what, and how near the shop from
 * their newest fix. Live changes come on the order's channel (`approachToShop` of each position).
 */
export async function sellerOrderRider(db: Db, caller: OrderCaller, orderId: string): Promise<SellerOrderRider> {
  const order = await riderOfOrder(db, caller, orderId);
  if (!order) throw notFound('Order');
  if (!order.riderId) return { rider: null };
  const [vehicleType, position] = await Promise.all([vehicleTypeOf(db, order.riderId), latestPosition(db, orderId)]);
  return {
    rider: {
      id: order.riderId,
      name: order.name ?? '',
      phone: isFinal(order.status) ? null : order.phone,
      vehicle_type: vehicleType,
      approach: position ? approachToShop(position) : null,
    },
  };
}
