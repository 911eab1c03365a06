import { awaitsPayment, isEnded, type PaymentEntryStatus, type RefundReason, refundReasons } from '@kupwara/shared';
import { and, eq, ne, sql } from 'drizzle-orm';
import { SYSTEM } from '../orders/order-view';
import { lockOrderForPayment, setPaymentState } from '../orders/payment-state';
import { orders } from '../orders/tables';
import { transitionOrder } from '../orders/transitions';
import { newId } from '../platform/ids';
import { enqueue, wakeRunners } from '../platform/jobs';
import { type PaymentDeps, paymentJobs } from './deps';
import type { GatewayPayment } from './gateway';
import { gatewayOrders, payments } from './tables';

/** What applying a payment came to, for the caller's answer (verify) or log. */
export type Applied =
  /** No order of ours has this gateway order. */
  | { outcome: 'unknown' }
  /** Recorded; the order moved if this payment released it. */
  | { outcome: 'recorded'; orderId: string; status: PaymentEntryStatus; released: boolean; refunding: boolean };

/** A ledger row's status for what the gateway says: a refunded payment was captured (its refund has its own row). */
const ledgerStatus = (payment: GatewayPayment): PaymentEntryStatus =>
  payment.status === 'refunded' ? 'captured' : payment.status;

/** A charge's status only moves forward: created < authorized < captured, and failed only before it was captured. */
const rank: Partial<Record<PaymentEntryStatus, number>> = { created: 0, authorized: 1, captured: 2, failed: 2 };
const movesForward = (from: PaymentEntryStatus, to: PaymentEntryStatus) =>
  (rank[to] ?? 0) > (rank[from] ?? 0) && from !== 'failed';

/** Why an order that no longer awaits a payment gives one back: it is paid by another, or it ended. */
function refundReasonFor(status: string): RefundReason {
  const ending = status.toLowerCase();
  return refundReasons.find((reason) => reason === ending) ?? 'duplicate';
}

/** The order a gateway order was made for. */
export async function orderOfGatewayOrder(db: PaymentDeps['db'], gatewayOrderId: string) {
  const [row] = await db
    .select({ orderId: gatewayOrders.orderId })
    .from(gatewayOrders)
    .where(eq(gatewayOrders.gatewayOrderId, gatewayOrderId));
  return row?.orderId;
}

/**
 * Applies what the gateway says about one payment, exactly once however often and however
 * concurrently it is told (verify, webhooks, reconciliation all come here). An authorized payment
 * for an order awaiting it is captured at the gateway first. Then, with the order locked, the
 * ledger row moves forward, and only the move of the row to captured acts: it releases an order
 * still awaiting this amount, or queues its refund for an order that no longer awaits one.
 */
export async function applyPayment(deps: PaymentDeps, told: GatewayPayment): Promise<Applied> {
  const orderId = await orderOfGatewayOrder(deps.db, told.orderId);
  if (!orderId) {
    deps.log.warn({ payment: told.id, gatewayOrder: told.orderId }, 'payment for a gateway order we never made');
    return { outcome: 'unknown' };
  }
  let payment = told;
  if (payment.status === 'authorized' && deps.gateway) {
    const [order] = await deps.db
      .select({ status: orders.status, totalPaise: orders.totalPaise })
      .from(orders)
      .where(eq(orders.id, orderId));
    // Only what would pay the order is captured: anything else stays authorized and the gateway lets it lapse.
    if (order && awaitsPayment(order.status) && paysInFull(order, payment)) {
      payment = await deps.gateway.capture(payment.id, order.totalPaise);
    }
  }
  const applied = await deps.db.transaction(async (tx): Promise<Applied> => {
    const order = await lockOrderForPayment(tx, orderId);
    if (!order) return { outcome: 'unknown' };
    const status = ledgerStatus(payment);
    const [before] = await tx
      .select({ id: payments.id, status: payments.status })
      .from(payments)
      .where(and(eq(payments.gatewayPaymentId, payment.id), eq(payments.kind, 'charge')));
    const row = {
      instrument: payment.method,
      errorCode: payment.errorCode,
      errorDescription: payment.errorDescription,
    };
    if (!before) {
      // The order's lock makes this the only writer; the index is there should anything bypass it.
      await tx
        .insert(payments)
        .values({
          id: newId(),
          orderId,
          kind: 'charge',
          status,
          amountPaise: payment.amountPaise,
          gatewayOrderId: payment.orderId,
          gatewayPaymentId: payment.id,
          ...row,
        })
        .onConflictDoNothing({ target: payments.gatewayPaymentId, where: sql`${payments.kind} = 'charge'` });
    } else if (movesForward(before.status, status)) {
      await tx
        .update(payments)
        .set({ status, ...row, updatedAt: new Date() })
        .where(eq(payments.id, before.id));
    }
    const nowCaptured = status === 'captured' && before?.status !== 'captured';
    const result = { outcome: 'recorded' as const, orderId, status, released: false, refunding: false };
    if (!nowCaptured) return result;

    if (!paysInFull(order, payment)) {
      // Not what the order costs: an operator looks at it; the order neither moves nor goes back.
      deps.log.error(
        {
          orderId,
          payment: payment.id,
          amount: payment.amountPaise,
          currency: payment.currency,
          total: order.totalPaise,
        },
        'captured payment does not match the order: left for an operator',
      );
      return result;
    }
    if (awaitsPayment(order.status)) {
      // In this transaction (a savepoint): the order is paid exactly when its charge is recorded captured.
      await transitionOrder({ ...deps, db: tx }, SYSTEM, orderId, { to: 'PENDING' });
      return { ...result, released: true };
    }
    // Paid by another payment already, or it ended unpaid: this money goes back.
    const otherCaptured = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(
        and(
          eq(payments.orderId, orderId),
          eq(payments.kind, 'charge'),
          eq(payments.status, 'captured'),
          ne(payments.gatewayPaymentId, payment.id),
        ),
      )
      .limit(1);
    const reason: RefundReason =
      isEnded(order.status) && otherCaptured.length === 0 ? refundReasonFor(order.status) : 'duplicate';
    if (reason !== 'duplicate') await setPaymentState(tx, orderId, 'refunding', ['void', 'awaiting']);
    await enqueue(tx, [
      { kind: paymentJobs.refund, payload: { order_id: orderId, reason, gateway_payment_id: payment.id } },
    ]);
    deps.log.warn({ orderId, payment: payment.id, reason, status: order.status }, 'captured payment to be refunded');
    return { ...result, refunding: true };
  });
  if (applied.outcome === 'recorded' && (applied.released || applied.refunding)) await wakeRunners(deps.bus);
  return applied;
}

/** The payment is the order's whole total, in rupees. */
function paysInFull(order: { totalPaise: number }, payment: GatewayPayment) {
  return payment.amountPaise === order.totalPaise && payment.currency === 'INR';
}
