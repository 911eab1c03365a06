import { type OrderStatus, restoresStock } from '@kupwara/shared';
import type { NewJob } from '../platform/jobs';

/** The side effects of order events, run after commit by the job runner (handlers in order-jobs.ts). */
export const orderJobs = {
  broadcast: 'order.broadcast',
  notify: 'order.notify',
  facts: 'order.facts',
  restoreStock: 'order.restore-stock',
  timeout: 'order.pending-timeout',
} as const;

/** What must happen after an order moved from `from` to `to` in event `seq`. */
export function effectsOf(order: { id: string }, seq: number, from: OrderStatus | null, to: OrderStatus): NewJob[] {
  const event = { order_id: order.id, seq };
  const effects: NewJob[] = [
    { kind: orderJobs.broadcast, payload: event },
    { kind: orderJobs.notify, payload: event },
    { kind: orderJobs.facts, payload: event },
  ];
  if (from && restoresStock(from, to)) effects.push({ kind: orderJobs.restoreStock, payload: { order_id: order.id } });
  return effects;
}

/** Cancels the order if the shop has not answered by then. */
export const timeoutJob = (orderId: string, placedAt: Date, afterMs: number): NewJob => ({
  kind: orderJobs.timeout,
  payload: { order_id: orderId },
  runAt: new Date(placedAt.getTime() + afterMs),
});
