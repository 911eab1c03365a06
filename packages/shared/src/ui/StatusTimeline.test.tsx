import { render, screen } from '@testing-library/react-native';
import type { OrderEvent } from '../contract/orders';
import { initialStatus, type OrderStatus, pathBetween, progressFor, progressStatuses } from '../domain/order-machine';
import { StatusTimeline } from './StatusTimeline';

/** An event recorded at a wall-clock time on the test machine, so the expected "HH:MM" holds in any time zone. */
function event(seq: number, status: OrderStatus, hours: number, minutes: number, reason: string | null = null) {
  const at = new Date(2025, 5, 14, hours, minutes).toISOString();
  const made: OrderEvent = {
    order_id: '0197718a-2b3c-7d4e-8f50-61728394a5b6',
    seq,
    kind: 'transition',
    status,
    from_status: null,
    actor: 'seller',
    reason,
    reason_code: null,
    occurred_at: at,
    recorded_at: at,
  };
  return made;
}

const placed = initialStatus;

/** An order walked along the machine's path to `to`, its steps `minutes` apart from 14:00 (numbered from 1). */
const walkedTo = (to: OrderStatus, minutes: readonly number[]) =>
  [placed, ...pathBetween(placed, to).map((step) => step.to)].map((status, i) =>
    event(i + 1, status, 14, minutes[i] ?? i * 5),
  );

const preparing = walkedTo('PREPARING', [0, 2, 5]);

describe('StatusTimeline', () => {
  it('marks the steps passed with their times, the current step and the steps to come', () => {
    render(<StatusTimeline timeline={preparing} />);
    expect(screen.getByLabelText('Placed, done at 14:00')).toHaveTextContent('✓Placed14:00');
    expect(screen.getByLabelText('Accepted, done at 14:02')).toBeOnTheScreen();
    expect(screen.getByLabelText('Preparing, current step, since 14:05')).toHaveTextContent('Preparing14:05');
    for (const step of ['Ready for pickup', 'Rider assigned', 'Picked up', 'On the way', 'Delivered']) {
      expect(screen.getByLabelText(`${step}, to come`)).toHaveTextContent(step);
    }
  });

  it('reads events in sequence, whatever order they arrive in', () => {
    render(<StatusTimeline timeline={[event(2, 'CANCELLED', 14, 10), ...walkedTo(placed, [0])]} />);
    expect(screen.getByLabelText('Cancelled at 14:10')).toBeOnTheScreen();
    expect(screen.getByLabelText('Placed, done at 14:00')).toBeOnTheScreen();
  });

  it('makes the last shown step reached current when the order is at a step the app leaves out', () => {
    render(
      <StatusTimeline
        steps={progressStatuses.filter((status) => status !== 'RIDER_ASSIGNED')}
        timeline={walkedTo('RIDER_ASSIGNED', [0, 2, 5, 20, 22])}
      />,
    );
    expect(screen.getByLabelText('Ready for pickup, current step, since 14:20')).toBeOnTheScreen();
    expect(screen.getByLabelText('On the way, to come')).toBeOnTheScreen();
    expect(screen.queryByText('Rider assigned')).toBeNull();
  });

  it('shows a cancellation with its reason instead of the steps that will not come', () => {
    render(
      <StatusTimeline
        timeline={[...walkedTo(placed, [0]), event(2, 'CANCELLED', 14, 10, 'The shop did not answer')]}
      />,
    );
    expect(screen.getByLabelText('Placed, done at 14:00')).toBeOnTheScreen();
    expect(screen.getByLabelText('Cancelled at 14:10. The shop did not answer')).toHaveTextContent(
      '✕CancelledThe shop did not answer14:10',
    );
    expect(screen.queryByText('Accepted')).toBeNull();
    expect(screen.queryByText('Delivered')).toBeNull();
    expect(screen.queryByLabelText(/current step/)).toBeNull();
  });

  it('shows an ending without a reason when none was given', () => {
    render(<StatusTimeline timeline={[event(1, placed, 9, 30), event(2, 'REJECTED', 9, 41)]} />);
    expect(screen.getByLabelText('Rejected at 09:41')).toHaveTextContent('✕Rejected09:41');
  });

  it('marks every step done once delivered', () => {
    render(
      <StatusTimeline timeline={progressFor('cash').map((status, index) => event(index + 1, status, 15, index * 5))} />,
    );
    expect(screen.getByLabelText('Delivered, done at 15:35')).toBeOnTheScreen();
    expect(screen.getAllByLabelText(/, done at /)).toHaveLength(8);
    expect(screen.queryByLabelText(/current step|to come/)).toBeNull();
  });
});
