import { awaitsPayment, type Order, type VerifyPaymentRequest } from '@kupwara/shared';
import { and, eq } from 'drizzle-orm';
import { getOrder } from '../orders/order-queries';
import type { OrderCaller } from '../orders/order-view';
import { orders } from '../orders/tables';
import { AppError, notFound } from '../platform/http/errors';
import { applyPayment } from './capture';
import { atGateway } from './checkout';
import type { PaymentDeps } from './deps';
import { gatewayOrders } from './tables';

const signatureInvalid = () =>
  new AppError(400, 'PAYMENT_SIGNATURE_INVALID', 'This payment is not signed by the payment gateway: nothing changed');

/**
 * What the checkout handed the app, checked: the gateway order must be this order's and the
 * signature the gateway's. Then the payment is asked of the gateway itself (the app's word is
 * never taken for its amount or status) and applied as any news of it is.
 */
export async function verifyPayment(
  deps: PaymentDeps,
  caller: OrderCaller & { id: string },
  orderId: string,
  input: VerifyPaymentRequest,
): Promise<Order> {
  const { db, gateway } = deps;
  const [found] = await db
    .select({ id: orders.id, gatewayOrderId: gatewayOrders.gatewayOrderId })
    .from(orders)
    .leftJoin(gatewayOrders, eq(gatewayOrders.orderId, orders.id))
    .where(and(eq(orders.id, orderId), eq(orders.customerId, caller.id)));
  if (!found) throw notFound('Order');
  if (!gateway || !found.gatewayOrderId || found.gatewayOrderId !== input.razorpay_order_id) throw signatureInvalid();
  const signed = gateway.verifyPaymentSignature({
    gatewayOrderId: found.gatewayOrderId,
    paymentId: input.razorpay_payment_id,
    signature: input.razorpay_signature,
  });
  if (!signed) throw signatureInvalid();
  const payment = await atGateway(() => gateway.payment(input.razorpay_payment_id));
  if (payment.orderId !== found.gatewayOrderId) throw signatureInvalid();
  const applied = await atGateway(() => applyPayment(deps, payment));
  const order = await getOrder(db, caller, orderId);
  // Captured but still awaiting: not the order's amount (an operator looks at it).
  if (applied.outcome !== 'recorded' || applied.status !== 'captured' || awaitsPayment(order.status)) {
    throw new AppError(409, 'PAYMENT_NOT_CAPTURED', 'The payment gateway has no completed payment of this order yet', {
      status: order.status,
      payment_status: payment.status,
    });
  }
  return order;
}
