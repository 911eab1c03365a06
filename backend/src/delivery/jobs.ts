/** The delivery module's job kinds (kept apart so the orders module can queue dispatch without importing dispatch). */
export const deliveryJobs = {
  /** Offer a ready order to the nearest free rider (again and again until one takes it or time runs out). */
  dispatch: 'delivery.dispatch',
  offerTimeout: 'delivery.offer-timeout',
  /** A ready order whose rider took it early: assign it to them. */
  assignEarlyRider: 'delivery.assign-early-rider',
} as const;

/** When dispatch starts: the order event that queues it. */
export type DispatchFrom = 'READY_FOR_PICKUP' | 'ACCEPTED';

export type DispatchJob = { order_id: string; started_at: string; noticed?: boolean };

/** A round of dispatch for an order (now, or at `runAt`); `startedAt` is when looking for a rider began. */
export const dispatchJob = (orderId: string, startedAt: Date, runAt?: Date, noticed = false) => ({
  kind: deliveryJobs.dispatch,
  payload: { order_id: orderId, started_at: startedAt.toISOString(), noticed } satisfies DispatchJob,
  ...(runAt ? { runAt } : {}),
});
