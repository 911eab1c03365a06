import { type OrderEvent, restoresStock } from '@kupwara/shared';
import type { NewJob } from '../platform/jobs';
import { type OrderEventRow, type OrderRow, orderEventView } from './order-view';

/** The side effects of order events, run after commit by the job runner (handlers in order-jobs.ts). */
export const orderJobs = {
  /** Broadcast the event, ask for the notifications, record the facts: one job, since each step is cheap and idempotent. */
  event: 'order.event',
  restoreStock: 'order.restore-stock',
  timeout: 'order.pending-timeout',
  /** Tell the store's devices a new order was opened (they stop ringing). */
  seen: 'order.seen',
  /** Text the shop about a new order nobody there has opened or answered (when SMS is on). */
  newOrderSms: 'order.new-order-sms',
} as const;

/** What the event's side effects need to know of the order, carried in the job so running it reads nothing. */
export type OrderParties = Pick<
  OrderRow,
  | 'id'
  | 'storeId'
  | 'sellerId'
  | 'customerId'
  | 'riderId'
  | 'storeName'
  | 'storeAddress'
  | 'customerName'
  | 'riderName'
  | 'itemCount'
  | 'totalPaise'
  | 'prepMinutes'
  | 'paymentMethod'
>;

export type EventJob = { order: OrderParties; event: OrderEvent };

/**
 * What another module does after an order's events (delivery: look for a rider, hand the order to
 * one taken early), given to this module in its deps so that it imports none of them.
 */
export type EventEffects = (order: OrderParties, event: OrderEventRow) => NewJob[];

/** What must happen after an order's event (its first, a move from one state to another, or a change within one). */
export function effectsOf(order: OrderRow, event: OrderEventRow, others: readonly EventEffects[]): NewJob[] {
  const parties: OrderParties = {
    id: order.id,
    storeId: order.storeId,
    sellerId: order.sellerId,
    customerId: order.customerId,
    riderId: order.riderId,
    storeName: order.storeName,
    storeAddress: order.storeAddress,
    customerName: order.customerName,
    riderName: order.riderName,
    itemCount: order.itemCount,
    totalPaise: order.totalPaise,
    prepMinutes: order.prepMinutes,
    paymentMethod: order.paymentMethod,
  };
  const payload: EventJob = { order: parties, event: orderEventView(event) };
  const effects: NewJob[] = [{ kind: orderJobs.event, payload }, ...others.flatMap((plan) => plan(parties, event))];
  if (event.fromStatus && restoresStock(event.fromStatus, event.status)) {
    effects.push({ kind: orderJobs.restoreStock, payload: { order_id: order.id } });
  }
  return effects;
}

/** Cancels the order if the shop has not answered by then. */
export const timeoutJob = (orderId: string, placedAt: Date, afterMs: number): NewJob => ({
  kind: orderJobs.timeout,
  payload: { order_id: orderId },
  runAt: new Date(placedAt.getTime() + afterMs),
});

/** What starts when the shop gets an order (placed with cash, or paid online): its time to answer, and the SMS if unseen. */
export const releaseJobs = (
  deps: { pendingTimeoutMs: number; sms?: { newOrderAfterMs: number } | undefined },
  orderId: string,
  at: Date,
): NewJob[] => [
  timeoutJob(orderId, at, deps.pendingTimeoutMs),
  ...(deps.sms ? [newOrderSmsJob(orderId, at, deps.sms.newOrderAfterMs)] : []),
];

/** Looks, `afterMs` after the order came, whether the shop has seen it (handler in new-order-sms.ts). */
export const newOrderSmsJob = (orderId: string, placedAt: Date, afterMs: number): NewJob => ({
  kind: orderJobs.newOrderSms,
  payload: { order_id: orderId },
  runAt: new Date(placedAt.getTime() + afterMs),
});
