import { formatPaise, isEnded, type RefundReason } from '@kupwara/shared';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type NotificationRequest, requestNotifications } from '../notifications/requests';
import { lockOrderForPayment, setPaymentState } from '../orders/payment-state';
import type { Db } from '../platform/db';
import { newId } from '../platform/ids';
import { type Job, wakeRunners } from '../platform/jobs';
import { executeAsOneStatement } from '../platform/together';
import type { PaymentDeps } from './deps';
import { GatewayError, type GatewayRefund } from './gateway';
import { payments } from './tables';

export type RefundJob = {
  order_id: string;
  reason: RefundReason;
  /** Only this charge (a second payment of an order already paid); absent: every captured charge of the order. */
  gateway_payment_id?: string;
};

type RefundRow = typeof payments.$inferSelect;

const refundNotice = (
  row: RefundRow,
  customerId: string,
  template: 'customer.refund_started' | 'customer.refunded',
): NotificationRequest => ({
  userId: customerId,
  template,
  values: { amount: formatPaise(row.amountPaise) },
  data: { order_id: row.orderId },
  dedupeKey: `${template}:${row.id}`,
});

/**
 * Gives back an order's captured charges, each exactly once. The refund row is written first (one
 * per charge: `payments_refund_once` makes a second insert nothing), and its id is the gateway's
 * idempotency key, so a retry, or a second job at the same moment, asks for the same refund.
 */
export async function refundOrder(deps: PaymentDeps, job: RefundJob): Promise<void> {
  const { db, gateway } = deps;
  if (!gateway) throw new Error('a refund needs the payment gateway');
  const charges = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.orderId, job.order_id),
        eq(payments.kind, 'charge'),
        eq(payments.status, 'captured'),
        job.gateway_payment_id ? eq(payments.gatewayPaymentId, job.gateway_payment_id) : undefined,
      ),
    )
    .orderBy(asc(payments.createdAt));
  for (const charge of charges) {
    await db
      .insert(payments)
      .values({
        id: newId(),
        orderId: charge.orderId,
        kind: 'refund',
        status: 'pending',
        amountPaise: charge.amountPaise,
        gatewayOrderId: charge.gatewayOrderId,
        gatewayPaymentId: charge.gatewayPaymentId,
        refundOf: charge.id,
        reason: job.reason,
      })
      .onConflictDoNothing({ target: payments.refundOf, where: sql`${payments.kind} = 'refund'` });
    const [refund] = await db
      .select()
      .from(payments)
      .where(and(eq(payments.refundOf, charge.id), eq(payments.kind, 'refund')));
    // Asked and answered already (a refusal is an operator's to look at).
    if (refund?.status !== 'pending' || refund.errorCode || !charge.gatewayPaymentId) continue;
    let answer: GatewayRefund;
    try {
      answer = await gateway.refund({
        paymentId: charge.gatewayPaymentId,
        amountPaise: refund.amountPaise,
        idempotencyKey: refund.id,
        notes: { order_id: refund.orderId },
      });
    } catch (error) {
      // Retried with the same key by the job runner; a refusal is recorded and left for an operator.
      if (!(error instanceof GatewayError) || error.retryable) throw error;
      await refused(deps, refund, error);
      continue;
    }
    await applyRefund(deps, answer, refund.id);
  }
}

/** The gateway refused the refund itself: the row says why, the order shows it, an operator decides. */
async function refused(deps: PaymentDeps, refund: RefundRow, error: GatewayError) {
  await deps.db.transaction(async (tx) => {
    await tx
      .update(payments)
      .set({ status: 'failed', errorCode: error.code, errorDescription: error.message, updatedAt: new Date() })
      .where(and(eq(payments.id, refund.id), eq(payments.status, 'pending')));
    await setPaymentState(tx, refund.orderId, 'refund_failed', ['refunding']);
  });
  deps.log.error({ orderId: refund.orderId, refund: refund.id, code: error.code }, 'the gateway refused a refund');
}

/**
 * Records what the gateway says of a refund (its answer, or a webhook): the gateway's id, and its
 * status moving forward only. The customer hears it started, then that it is back; the order's money
 * is refunded once every captured charge of an ended order has come back.
 */
export async function applyRefund(deps: PaymentDeps, told: GatewayRefund, refundId?: string): Promise<void> {
  // Ours by its id when we asked for it; by its payment when a webhook tells (one refund per charge).
  const ours = refundId
    ? eq(payments.id, refundId)
    : and(eq(payments.kind, 'refund'), eq(payments.gatewayPaymentId, told.paymentId));
  const news = await deps.db.transaction(async (tx) => {
    const [found] = await tx.select({ orderId: payments.orderId }).from(payments).where(ours);
    if (!found) {
      deps.log.warn({ refund: told.id, payment: told.paymentId }, 'news of a refund we never asked for');
      return undefined;
    }
    // The order's lock serialises the refund's news with its order's other payments.
    const order = await lockOrderForPayment(tx, found.orderId);
    const [refund] = await tx.select().from(payments).where(ours);
    if (!order || !refund) return undefined;
    const notices: NotificationRequest[] =
      told.status === 'failed' ? [] : [refundNotice(refund, order.customerId, 'customer.refund_started')];
    const changes: Partial<RefundRow> = {};
    if (!refund.gatewayRefundId) changes.gatewayRefundId = told.id;
    if (refund.status === 'pending' && told.status !== 'pending') {
      changes.status = told.status;
      if (told.status === 'failed') changes.errorCode = 'REFUND_FAILED';
    }
    if (Object.keys(changes).length > 0) {
      await tx
        .update(payments)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(payments.id, refund.id));
    }
    if (changes.status === 'processed') {
      notices.push(refundNotice(refund, order.customerId, 'customer.refunded'));
      if (isEnded(order.status) && (await everyChargeRefunded(tx, order.id))) {
        await setPaymentState(tx, order.id, 'refunded', ['refunding', 'refund_failed']);
      }
    }
    if (changes.status === 'failed') {
      await setPaymentState(tx, order.id, 'refund_failed', ['refunding']);
      deps.log.error({ orderId: order.id, refund: refund.id }, 'the gateway could not complete a refund');
    }
    if (notices.length > 0) await executeAsOneStatement(tx, requestNotifications(tx, notices));
    return notices.length > 0;
  });
  if (news) await wakeRunners(deps.bus);
}

/** Whether each captured charge of the order has a processed refund. */
async function everyChargeRefunded(tx: Db, orderId: string) {
  const refunds = alias(payments, 'refunds');
  const [row] = await tx
    .select({ left: sql<number>`count(*)`.mapWith(Number) })
    .from(payments)
    .leftJoin(
      refunds,
      and(eq(refunds.refundOf, payments.id), eq(refunds.kind, 'refund'), eq(refunds.status, 'processed')),
    )
    .where(
      and(
        eq(payments.orderId, orderId),
        eq(payments.kind, 'charge'),
        eq(payments.status, 'captured'),
        isNull(refunds.id),
      ),
    );
  return row?.left === 0;
}

/** The runner's handler for a refund job. */
export const refundJob = (deps: PaymentDeps) => (job: Job) => refundOrder(deps, job.payload as RefundJob);
