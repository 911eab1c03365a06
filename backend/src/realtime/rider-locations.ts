import type { ClientFrame } from '@kupwara/shared';
import type { AuthUser } from '../accounts/tokens';
import type { PositionIngest } from '../delivery/positions';
import type { FrameSender } from './frame-sender';

/**
 * A rider's `locations` frame: stored as `POST /rider/locations` stores them, and answered with the
 * frame's `ref` either way, so the app knows what it may drop from its buffer.
 */
export function saveRiderLocations(
  { positions, sender }: { positions: PositionIngest; sender: FrameSender },
  { ref, points }: Extract<ClientFrame, { type: 'locations' }>,
  caller: AuthUser,
): void {
  if (caller.role !== 'rider') {
    sender.refuse('FORBIDDEN', 'only riders send locations');
    return;
  }
  // Not awaited: the next frames need not wait for the write (the answer carries the ref).
  positions.record(caller.id, points).then(
    (result) => sender.send({ type: 'locations_saved', ref, ...result }),
    () => sender.refuse('LOCATIONS_NOT_SAVED', 'send these locations again', { ref }),
  );
}
