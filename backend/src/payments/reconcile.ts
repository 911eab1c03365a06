import { awaitsPayment, isEnded } from '@kupwara/shared';
import { eq } from 'drizzle-orm';
import type { EventEffects } from '../orders/effects';
import { SYSTEM } from '../orders/order-view';
import { transitionOrder } from '../orders/transitions';
import { AppError } from '../platform/http/errors';
import type { Job, NewJob } from '../platform/jobs';
import { applyPayment } from './capture';
import { type PaymentDeps, paymentJobs } from './deps';
import type { RefundJob } from './refunds';
import { gatewayOrders } from './tables';

export const PAYMENT_TIMEOUT_REASON = 'Payment not received in time';

/** When, after an order starts waiting for its payment, the gateway is asked in case a webhook was lost. */
export const RECONCILE_AFTER_MS = [60_000, 180_000, 420_000];

/**
 * Asks the gateway for every payment made against the order's gateway order and applies each: a
 * missed webhook is then a late payment, not a lost one. No gateway order yet: nobody has paid.
 * A gateway error throws, and the job runner tries again later.
 */
export async function reconcileOrder(deps: PaymentDeps, orderId: string): Promise<void> {
  if (!deps.gateway) return;
  const [made] = await deps.db
    .select({ gatewayOrderId: gatewayOrders.gatewayOrderId })
    .from(gatewayOrders)
    .where(eq(gatewayOrders.orderId, orderId));
  if (!made) return;
  for (const payment of await deps.gateway.paymentsOf(made.gatewayOrderId)) await applyPayment(deps, payment);
}

/** The time to pay is up: one last look at the gateway, then an order still unpaid fails (its stock goes back, its customer hears). */
export async function paymentTimedOut(deps: PaymentDeps, orderId: string): Promise<void> {
  await reconcileOrder(deps, orderId);
  try {
    await transitionOrder(deps, SYSTEM, orderId, { to: 'FAILED', reason: PAYMENT_TIMEOUT_REASON });
  } catch (error) {
    // Paid meanwhile, or the customer gave up: nothing to do. A payment captured after this is refunded.
    if (!(error instanceof AppError && error.code === 'INVALID_TRANSITION')) throw error;
  }
}

/**
 * What payments does after an order's moves (the orders module runs it with its own side effects):
 * while an order awaits its payment, checks at the gateway and, at its `pay_by`, the timeout; when
 * an order paid online ends, the refund of whatever was captured for it.
 */
export const paymentEffects =
  (options: { paymentTimeoutMs: number; reconcileAfterMs?: readonly number[] }): EventEffects =>
  (order, event) => {
    if (event.kind !== 'transition' || order.paymentMethod !== 'online') return [];
    const payload = { order_id: order.id };
    if (awaitsPayment(event.status)) {
      // Placement sets pay_by to the moment of this event plus the same timeout.
      const start = event.recordedAt.getTime();
      const checks = (options.reconcileAfterMs ?? RECONCILE_AFTER_MS).filter((ms) => ms < options.paymentTimeoutMs);
      return [
        ...checks.map((ms): NewJob => ({ kind: paymentJobs.reconcile, payload, runAt: new Date(start + ms) })),
        { kind: paymentJobs.timeout, payload, runAt: new Date(start + options.paymentTimeoutMs) },
      ];
    }
    if (isEnded(event.status)) {
      const reason = event.status.toLowerCase() as RefundJob['reason'];
      return [{ kind: paymentJobs.refund, payload: { order_id: order.id, reason } satisfies RefundJob }];
    }
    return [];
  };

const orderIdOf = (job: Job) => String(job.payload.order_id);

export const reconcileJobs = (deps: PaymentDeps) => ({
  [paymentJobs.reconcile]: (job: Job) => reconcileOrder(deps, orderIdOf(job)),
  [paymentJobs.timeout]: (job: Job) => paymentTimedOut(deps, orderIdOf(job)),
});
