import { isReadyForRider } from '@kupwara/shared';
import type { EventEffects } from '../orders/effects';
import type { DispatchFrom } from '../platform/config';
import type { NewJob } from '../platform/jobs';

/** The delivery module's job kinds. */
export const deliveryJobs = {
  /** Offer an order to the nearest free rider (again and again until one takes it or time runs out). */
  dispatch: 'delivery.dispatch',
  offerTimeout: 'delivery.offer-timeout',
  /** A ready order whose rider took it early: assign it to them. */
  assignEarlyRider: 'delivery.assign-early-rider',
  /** Text an offer to a rider whose app is not connected (when SMS is on). */
  offerSms: 'delivery.offer-sms',
} as const;

export type DispatchJob = { order_id: string; started_at: string; noticed?: boolean };

/** A round of dispatch for an order (now, or at `runAt`); `startedAt` is when looking for a rider began. */
export const dispatchJob = (orderId: string, startedAt: Date, runAt?: Date, noticed = false) => ({
  kind: deliveryJobs.dispatch,
  payload: { order_id: orderId, started_at: startedAt.toISOString(), noticed } satisfies DispatchJob,
  ...(runAt ? { runAt } : {}),
});

/**
 * What delivery does after an order's moves (the orders module runs it with its own side effects):
 * start looking for a rider on the move `dispatchFrom` names, and hand the order to a rider who
 * took it early once it is ready for them. A change within a state starts nothing.
 */
export const deliveryEffects =
  (dispatchFrom: DispatchFrom): EventEffects =>
  (order, event) => {
    if (event.kind !== 'transition') return [];
    const jobs: NewJob[] = [];
    if (event.status === dispatchFrom) jobs.push(dispatchJob(order.id, event.recordedAt));
    if (isReadyForRider(event.status) && order.riderId) {
      jobs.push({ kind: deliveryJobs.assignEarlyRider, payload: { order_id: order.id, rider_id: order.riderId } });
    }
    return jobs;
  };
