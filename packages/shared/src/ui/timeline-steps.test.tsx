import type { OrderEvent } from '../contract/orders';
import {
  awaitingPaymentStatus,
  initialStatus,
  type OrderStatus,
  pathBetween,
  progressFor,
  progressStatuses,
} from '../domain/order-machine';
import { messages } from './messages';
import { type TimelineStep, timelineSteps } from './timeline-steps';

function event(seq: number, status: OrderStatus, reason: string | null = null): OrderEvent {
  const at = `2025-06-14T08:${String(seq).padStart(2, '0')}:00.000Z`;
  return {
    order_id: '0197718a-2b3c-7d4e-8f50-61728394a5b6',
    seq,
    kind: 'transition',
    status,
    from_status: null,
    actor: 'system',
    reason,
    reason_code: null,
    occurred_at: at,
    recorded_at: at,
  };
}

const placed = initialStatus;
const accepted: OrderStatus = 'ACCEPTED';
const preparing: OrderStatus = 'PREPARING';

/** The events of an order placed and walked along the machine's path to `to` (numbered from 1). */
const walkedTo = (to: OrderStatus) =>
  [placed, ...pathBetween(placed, to).map((step) => step.to)].map((status, i) => event(i + 1, status));

/** Each row as the customer reads it: the step's name and its state. */
const states = (rows: TimelineStep[]) => rows.map((row) => `${messages.orderStatus[row.status]}:${row.state}`);

/** A customer's app that leaves steps out: every other step of a delivery, from the first. */
const everyOther = progressFor('cash').filter((_, i) => i % 2 === 0);

describe('timelineSteps', () => {
  it('has every step to come before the first event arrives', () => {
    expect(states(timelineSteps([placed, accepted], []))).toEqual(['Placed:upcoming', 'Accepted:upcoming']);
  });

  it('dates each step reached by its event and leaves the rest undated', () => {
    expect(timelineSteps([placed, accepted], walkedTo(placed))).toEqual([
      { status: placed, state: 'current', at: '2025-06-14T08:01:00.000Z', reason: undefined },
      { status: accepted, state: 'upcoming', at: undefined, reason: undefined },
    ]);
  });

  it('ends a failed delivery after the steps it reached, with the reason', () => {
    const carried = walkedTo('PICKED_UP');
    const rows = timelineSteps(everyOther, [...carried, event(carried.length + 1, 'FAILED', 'Rider had an accident')]);
    expect(states(rows)).toEqual(['Placed:done', 'Preparing:done', 'Rider assigned:done', 'Failed:ended']);
    expect(rows.at(-1)).toEqual({
      status: 'FAILED',
      state: 'ended',
      at: '2025-06-14T08:07:00.000Z',
      reason: 'Rider had an accident',
    });
  });

  it('dates a step by the move into it, not by a change within it (a rider taken early)', () => {
    const early: OrderEvent = { ...event(3, accepted), kind: 'rider_assigned_early' };
    const rows = timelineSteps([placed, accepted, preparing], [...walkedTo(accepted), early]);
    expect(rows.map((row) => [messages.orderStatus[row.status], row.state, row.at])).toEqual([
      ['Placed', 'done', '2025-06-14T08:01:00.000Z'],
      ['Accepted', 'current', '2025-06-14T08:02:00.000Z'],
      ['Preparing', 'upcoming', undefined],
    ]);
  });

  it('shows the wait for a payment only to an order that started there', () => {
    const cash = timelineSteps(progressStatuses, walkedTo(accepted));
    expect(states(cash).slice(0, 3)).toEqual(['Placed:done', 'Accepted:current', 'Preparing:upcoming']);
    const online = timelineSteps(progressStatuses, [event(1, awaitingPaymentStatus), event(2, placed)]);
    expect(states(online).slice(0, 3)).toEqual(['Waiting for payment:done', 'Placed:current', 'Accepted:upcoming']);
  });

  it('has no current step when none of the shown steps is reached yet', () => {
    expect(states(timelineSteps([preparing, 'DELIVERED'], walkedTo(accepted)))).toEqual([
      'Preparing:upcoming',
      'Delivered:upcoming',
    ]);
  });
});
