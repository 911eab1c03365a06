import { awaitsAnswer } from '@kupwara/shared';
import { eq } from 'drizzle-orm';
import { sendOrderSms } from '../notifications/order-sms';
import type { JobHandler } from '../platform/jobs';
import { orderJobs } from './effects';
import { rupees } from './placement';
import { orders } from './tables';
import type { OrderDeps } from './transitions';

type NewOrderSmsJob = { order_id: string };

/**
 * A new order still waiting for the shop that no device there has opened or answered: the seller
 * gets one text message with a link that opens it in the seller app's web build (a shop with no
 * data still gets SMS). Here rather than in notifications, which cannot read orders.
 */
export function newOrderSmsHandlers(deps: OrderDeps): Record<string, JobHandler> {
  return {
    async [orderJobs.newOrderSms](job) {
      const { order_id: orderId } = job.payload as NewOrderSmsJob;
      const [order] = await deps.db
        .select({
          status: orders.status,
          sellerId: orders.sellerId,
          seenByStoreAt: orders.seenByStoreAt,
          customerName: orders.customerName,
          itemCount: orders.itemCount,
          totalPaise: orders.totalPaise,
        })
        .from(orders)
        .where(eq(orders.id, orderId));
      if (!order || !awaitsAnswer(order.status) || order.seenByStoreAt) return;
      await sendOrderSms(deps.sms?.sender, {
        orderId,
        userId: order.sellerId,
        purpose: 'new_order',
        variables: { customer: order.customerName, items: String(order.itemCount), total: rupees(order.totalPaise) },
        linkPath: `/seller/orders/${orderId}`,
      });
    },
  };
}
