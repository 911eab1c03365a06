import type { Checkout } from '@kupwara/shared';
import { awaitsPayment } from '@kupwara/shared';
import { and, eq } from 'drizzle-orm';
import { orders } from '../orders/tables';
import { AppError, notFound } from '../platform/http/errors';
import type { PaymentDeps } from './deps';
import { GatewayError } from './gateway';
import { gatewayOrders } from './tables';

export const gatewayUnavailable = () =>
  new AppError(503, 'PAYMENT_GATEWAY_UNAVAILABLE', 'The payment service did not answer: try again in a moment');

/** Calls the gateway; its failure, of whatever kind, is a 503 for the app (the customer tries again). */
export async function atGateway<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GatewayError) throw gatewayUnavailable();
    throw error;
  }
}

/**
 * Opens the checkout for the customer's order awaiting payment. The gateway order is made once
 * per order, with the order row locked while it is made: two taps at once get the same one, and
 * every later attempt reuses it (the gateway then sees every attempt of the order together).
 */
export async function startPayment(deps: PaymentDeps, customerId: string, orderId: string): Promise<Checkout> {
  const { gateway } = deps;
  return deps.db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.customerId, customerId)))
      .for('update');
    if (!order) throw notFound('Order');
    // Placement refuses online orders without a gateway; an order left from when one was set up still cannot be paid.
    if (!awaitsPayment(order.status) || !gateway || !order.payBy) {
      throw new AppError(409, 'PAYMENT_NOT_AWAITED', 'This order is not waiting for a payment', {
        status: order.status,
      });
    }
    let [made] = await tx.select().from(gatewayOrders).where(eq(gatewayOrders.orderId, order.id));
    if (!made) {
      const created = await atGateway(() =>
        gateway.createOrder({ amountPaise: order.totalPaise, receipt: order.id, notes: { order_id: order.id } }),
      );
      [made] = await tx
        .insert(gatewayOrders)
        .values({
          orderId: order.id,
          gateway: gateway.name,
          gatewayOrderId: created.id,
          amountPaise: created.amountPaise,
        })
        .returning();
    }
    if (!made) throw new Error('the gateway order was not stored');
    return {
      gateway: gateway.name,
      key_id: gateway.keyId,
      gateway_order_id: made.gatewayOrderId,
      amount_paise: made.amountPaise,
      currency: 'INR',
      checkout_url: gateway.checkoutUrl,
      name: order.storeName,
      description: `KupwaraCart order of ${order.itemCount} ${order.itemCount === 1 ? 'item' : 'items'}`,
      prefill: { name: order.customerName, contact: order.customerPhone },
      pay_by: order.payBy.toISOString(),
    };
  });
}
