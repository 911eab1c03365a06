import { formatDistance } from '@kupwara/shared';
import { and, eq, gt, sql } from 'drizzle-orm';
import { sendOrderSms } from '../notifications/order-sms';
import { ordersForDelivery } from '../orders/order-queries';
import type { Job, JobHandler } from '../platform/jobs';
import type { DispatchDeps } from './dispatch';
import { deliveryJobs } from './jobs';
import { deliveryOffers } from './tables';

/**
 * An offer made to a rider whose app was not connected: while it is still open, they get one text
 * message (per order) naming the shop and how far it is, with a link to the rider app's web build.
 */
export function offerSmsHandlers(deps: DispatchDeps): Record<string, JobHandler> {
  return {
    async [deliveryJobs.offerSms](job: Job) {
      const [offer] = await deps.db
        .select({
          orderId: deliveryOffers.orderId,
          riderId: deliveryOffers.riderId,
          distanceM: deliveryOffers.distanceM,
        })
        .from(deliveryOffers)
        .where(
          and(
            eq(deliveryOffers.id, String(job.payload.offer_id)),
            eq(deliveryOffers.status, 'offered'),
            gt(deliveryOffers.expiresAt, sql`now()`),
          ),
        );
      if (!offer) return;
      const [order] = await ordersForDelivery(deps.db, [offer.orderId]);
      if (!order) return;
      await sendOrderSms(deps.sms?.sender, {
        orderId: offer.orderId,
        userId: offer.riderId,
        purpose: 'offer',
        variables: { shop: order.storeName, distance: formatDistance(offer.distanceM) },
        linkPath: '/rider/',
      });
    },
  };
}
