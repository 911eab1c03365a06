import type { Checkout, Order } from '@kupwara/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { notifications } from '../src/notifications/tables';
import { orderEvents } from '../src/orders/tables';
import { payments } from '../src/payments/tables';
import type { Db } from '../src/platform/db';
import { bearer } from './factories';
import type { FakeRazorpay } from './fake-razorpay';

type Session = { access_token: string };

export function startPayment(app: FastifyInstance, customer: Session, orderId: string) {
  return app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/payment`, headers: bearer(customer) });
}

export async function checkoutOf(app: FastifyInstance, customer: Session, orderId: string) {
  const res = await startPayment(app, customer, orderId);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Checkout;
}

export function verify(app: FastifyInstance, customer: Session, orderId: string, payload: object) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/orders/${orderId}/payment/verify`,
    headers: bearer(customer),
    payload,
  });
}

/** The customer pays at the fake's checkout and the app hands over what it returned; the answer is the verify's. */
export async function payAndVerify(
  app: FastifyInstance,
  fake: FakeRazorpay,
  customer: Session,
  orderId: string,
  how: Parameters<FakeRazorpay['pay']>[1] = {},
) {
  const { gateway_order_id } = await checkoutOf(app, customer, orderId);
  const { payment, signature } = fake.pay(gateway_order_id, how);
  const res = await verify(app, customer, orderId, {
    razorpay_order_id: gateway_order_id,
    razorpay_payment_id: payment.id,
    razorpay_signature: signature,
  });
  return { res, payment, signature, gatewayOrderId: gateway_order_id };
}

export async function paidOrder(app: FastifyInstance, fake: FakeRazorpay, customer: Session, orderId: string) {
  const { res, payment } = await payAndVerify(app, fake, customer, orderId);
  expect(res.statusCode, res.body).toBe(200);
  return { order: res.json() as Order, payment };
}

export const ledgerOf = (db: Db, orderId: string) =>
  db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.createdAt));

export const noticesOf = (db: Db, userId: string, kind: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

export const eventsTo = (db: Db, orderId: string, status: Order['status']) =>
  db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.status, status)));
