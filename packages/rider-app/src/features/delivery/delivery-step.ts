import type { OrderStatus } from '@kupwara/shared';
import type { QueuedMove } from '@kupwara/shared/client';

/** Why the server would not take the code the rider typed. */
export type HandOverRefusal =
  | { kind: 'wrong-code'; triesLeft: number }
  /** Too many wrong codes: only the shop can help now (its number, when the server gave one). */
  | { kind: 'locked'; storePhone: string | null }
  | { kind: 'other'; message: string };

/** The one screen a delivery shows, from where the order is and what the rider's queue holds. */
export type DeliveryStep =
  | { kind: 'to-shop' }
  | { kind: 'picked-up' }
  | { kind: 'to-customer' }
  | { kind: 'hand-over'; refusal: HandOverRefusal | null }
  /** Delivered on this phone, the code not yet checked by the server. */
  | { kind: 'confirming' }
  | { kind: 'delivered' }
  | { kind: 'ended'; status: OrderStatus };

export function handOverRefusal(error: NonNullable<QueuedMove['error']>): HandOverRefusal {
  const details = (error.details ?? {}) as { tries_left?: unknown; store_phone?: unknown };
  const storePhone = typeof details.store_phone === 'string' ? details.store_phone : null;
  // The last wrong code locks the hand-over there and then: the rider is told whom to call at once.
  if (error.code === 'WRONG_OTP' && typeof details.tries_left === 'number' && details.tries_left > 0) {
    return { kind: 'wrong-code', triesLeft: details.tries_left };
  }
  if (error.code === 'OTP_LOCKED' || error.code === 'WRONG_OTP') return { kind: 'locked', storePhone };
  return { kind: 'other', message: error.message };
}

/**
 * `status` is the order as the rider sees it, their waiting moves applied; `atDoor` says they
 * pressed "I'm at the door". A refused hand-over wins over everything: the order is not delivered,
 * and the rider must see why at once, even while the cached order still says otherwise.
 */
export function deliveryStep(
  status: OrderStatus,
  { atDoor, waiting, failed }: { atDoor: boolean; waiting: readonly QueuedMove[]; failed: readonly QueuedMove[] },
): DeliveryStep {
  const refused = failed.find((move) => move.params.request.to === 'DELIVERED');
  if (refused?.error) return { kind: 'hand-over', refusal: handOverRefusal(refused.error) };
  switch (status) {
    case 'RIDER_ASSIGNED':
      return { kind: 'to-shop' };
    case 'PICKED_UP':
      return { kind: 'picked-up' };
    case 'IN_TRANSIT':
      return atDoor ? { kind: 'hand-over', refusal: null } : { kind: 'to-customer' };
    case 'DELIVERED':
      return waiting.some((move) => move.params.request.to === 'DELIVERED')
        ? { kind: 'confirming' }
        : { kind: 'delivered' };
    default:
      return { kind: 'ended', status };
  }
}
