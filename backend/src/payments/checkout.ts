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

const storedFor = async (deps: PaymentDeps, orderId: string) =>
  (await deps.db.select().from(gatewayOrders).where(eq(gatewayOrders.orderId, orderId)))[0];

/**
 * Opens the checkout for the customer's order awaiting payment. The gateway order is made once per
 * order and every later attempt reuses it (the gateway then sees every attempt of the order
 * together). No transaction is held while the gateway is asked (it may take seconds, and the
 * embedded database has one connection): two taps at once may each ask, and the first stored wins;
 * the other gateway order is never paid and lapses.
 */
export async function startPayment(deps: PaymentDeps, customerId: string, orderId: string): Promise<Checkout> {
  const { gateway } = deps;
  const [order] = await deps.db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.customerId, customerId)));
  if (!order) throw notFound('Order');
  // Placement refuses online orders without a gateway; an order left from when one was set up still cannot be paid.
  if (!awaitsPayment(order.status) || !gateway || !order.payBy) {
    throw new AppError(409, 'PAYMENT_NOT_AWAITED', 'This order is not waiting for a payment', {
      status: order.status,
    });
  }
  let made = await storedFor(deps, order.id);
  if (!made) {
    try {
      const created = await atGateway(() =>
        gateway.createOrder({ amountPaise: order.totalPaise, receipt: order.id, notes: { order_id: order.id } }),
      );
      await deps.db
        .insert(gatewayOrders)
        .values({
          orderId: order.id,
          gateway: gateway.name,
          gatewayOrderId: created.id,
          amountPaise: created.amountPaise,
        })
        .onConflictDoNothing({ target: gatewayOrders.orderId });
    } catch (error) {
      // A tap at the same moment may have stored one (the gateway can refuse a second order with the same receipt).
      if (!(await storedFor(deps, order.id))) throw error;
    }
    made = await storedFor(deps, order.id);
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
}
