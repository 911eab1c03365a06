import type { OrderEvent } from '../contract/orders';
import type { OrderStatus } from '../domain/order-machine';
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
    occurred_at: at,
    recorded_at: at,
  };
}

const states = (rows: TimelineStep[]) => rows.map((row) => `${row.status}:${row.state}`);

describe('timelineSteps', () => {
  it('has every step to come before the first event arrives', () => {
    expect(states(timelineSteps(['PENDING', 'ACCEPTED'], []))).toEqual(['PENDING:upcoming', 'ACCEPTED:upcoming']);
  });

  it('dates each step reached by its event and leaves the rest undated', () => {
    expect(timelineSteps(['PENDING', 'ACCEPTED'], [event(1, 'PENDING')])).toEqual([
      { status: 'PENDING', state: 'current', at: '2025-06-14T08:01:00.000Z', reason: undefined },
      { status: 'ACCEPTED', state: 'upcoming', at: undefined, reason: undefined },
    ]);
  });

  it('ends a failed delivery after the steps it reached, with the reason', () => {
    const timeline = ['PENDING', 'ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP', 'RIDER_ASSIGNED', 'PICKED_UP'] as const;
    const rows = timelineSteps(
      ['PENDING', 'PREPARING', 'PICKED_UP', 'IN_TRANSIT', 'DELIVERED'],
      [...timeline.map((status, index) => event(index + 1, status)), event(7, 'FAILED', 'Rider had an accident')],
    );
    expect(states(rows)).toEqual(['PENDING:done', 'PREPARING:done', 'PICKED_UP:done', 'FAILED:ended']);
    expect(rows.at(-1)).toEqual({
      status: 'FAILED',
      state: 'ended',
      at: '2025-06-14T08:07:00.000Z',
      reason: 'Rider had an accident',
    });
  });

  it('dates a step by the move into it, not by a change within it (a rider taken early)', () => {
    const early: OrderEvent = { ...event(3, 'ACCEPTED'), kind: 'rider_assigned_early' };
    const rows = timelineSteps(
      ['PENDING', 'ACCEPTED', 'PREPARING'],
      [event(1, 'PENDING'), event(2, 'ACCEPTED'), early],
    );
    expect(rows.map((row) => [row.status, row.state, row.at])).toEqual([
      ['PENDING', 'done', '2025-06-14T08:01:00.000Z'],
      ['ACCEPTED', 'current', '2025-06-14T08:02:00.000Z'],
      ['PREPARING', 'upcoming', undefined],
    ]);
  });

  it('has no current step when none of the shown steps is reached yet', () => {
    expect(states(timelineSteps(['PREPARING', 'DELIVERED'], [event(1, 'PENDING'), event(2, 'ACCEPTED')]))).toEqual([
      'PREPARING:upcoming',
      'DELIVERED:upcoming',
    ]);
  });
});
