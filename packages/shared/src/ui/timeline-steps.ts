import type { OrderEvent } from '../contract/orders';
import { isEnded, isFinal, type OrderStatus, progressStatuses } from '../domain/order-machine';

const rank = (status: OrderStatus) => progressStatuses.indexOf(status);

export type StepState = 'done' | 'current' | 'upcoming' | 'ended';

export interface TimelineStep {
  status: OrderStatus;
  state: StepState;
  /** When the server recorded the step; absent for steps to come. */
  at: string | undefined;
  /** Why the order ended (the shop's or the system's words), on the `ended` step only. */
  reason: string | undefined;
}

/**
 * The rows of an order's timeline. `steps` may leave some out (a customer need not see "Rider
 * assigned"): the current step is then the last shown step the order has reached. An order that
 * ended early shows the steps it reached and then the ending, with its reason, instead of the rest.
 */
export function timelineSteps(steps: readonly OrderStatus[], timeline: readonly OrderEvent[]): TimelineStep[] {
  // A change within a state (a rider taken early) is no step of its own and must not date one.
  const events = timeline.filter((event) => event.kind === 'transition').sort((a, b) => a.seq - b.seq);
  const last = events.at(-1);
  const reached = Math.max(-1, ...events.map((event) => rank(event.status)));
  // An order starts where it was placed: a cash order never waited for a payment, so that step is not its.
  const first = events[0];
  const own = first ? steps.filter((step) => rank(step) >= rank(first.status)) : steps;
  const reachedSteps = own.filter((step) => rank(step) <= reached);
  const active = last !== undefined && !isFinal(last.status);
  const current = active ? reachedSteps.at(-1) : undefined;
  const ending = last !== undefined && isEnded(last.status) ? last : undefined;

  const rows = (ending ? reachedSteps : own).map(
    (status): TimelineStep => ({
      status,
      state: status === current ? 'current' : rank(status) <= reached ? 'done' : 'upcoming',
      at: events.findLast((event) => event.status === status)?.recorded_at,
      reason: undefined,
    }),
  );
  if (ending) {
    rows.push({ status: ending.status, state: 'ended', at: ending.recorded_at, reason: ending.reason ?? undefined });
  }
  return rows;
}
