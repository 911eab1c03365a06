/**
 * The order lifecycle: every state, every allowed move, who may make it and what it needs. The
 * server enforces this table; the apps read it to decide which buttons to show.
 */
export const orderStatuses = [
  'PENDING',
  'ACCEPTED',
  'PREPARING',
  'READY_FOR_PICKUP',
  'RIDER_ASSIGNED',
  'PICKED_UP',
  'IN_TRANSIT',
  'DELIVERED',
  'REJECTED',
  'CANCELLED',
  'FAILED',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Once here, an order never moves again. */
export const finalStatuses: readonly OrderStatus[] = ['DELIVERED', 'REJECTED', 'CANCELLED', 'FAILED'];
export const isFinal = (status: OrderStatus) => finalStatuses.includes(status);

/** Who acts on an order. `system` is the server itself (timeouts, dispatch) or an operator acting for it. */
export const orderActors = ['customer', 'seller', 'rider', 'system'] as const;
export type OrderActor = (typeof orderActors)[number];

/** What a transition must carry: a reason the customer will read, the OTP from the customer, the rider taking it. */
export type TransitionNeed = 'reason' | 'otp' | 'rider';

export interface TransitionRule {
  from: OrderStatus;
  to: OrderStatus;
  by: readonly OrderActor[];
  needs: readonly TransitionNeed[];
}

const rule = (
  from: OrderStatus,
  to: OrderStatus,
  by: readonly OrderActor[],
  needs: readonly TransitionNeed[] = [],
) => ({
  from,
  to,
  by,
  needs,
});

/** States an order can still move from. */
export const activeStatuses = orderStatuses.filter((status) => !isFinal(status));

export const orderTransitions: readonly TransitionRule[] = [
  rule('PENDING', 'ACCEPTED', ['seller']),
  rule('PENDING', 'REJECTED', ['seller'], ['reason']),
  // The customer changes their mind; the system cancels when the shop does not answer in time.
  rule('PENDING', 'CANCELLED', ['customer', 'system']),
  rule('ACCEPTED', 'PREPARING', ['seller']),
  rule('PREPARING', 'READY_FOR_PICKUP', ['seller']),
  rule('READY_FOR_PICKUP', 'RIDER_ASSIGNED', ['system'], ['rider']),
  rule('RIDER_ASSIGNED', 'PICKED_UP', ['rider']),
  rule('PICKED_UP', 'IN_TRANSIT', ['rider']),
  rule('IN_TRANSIT', 'DELIVERED', ['rider'], ['otp']),
  ...activeStatuses.map((from) => rule(from, 'FAILED', ['system'], ['reason'])),
];

/**
 * States in which a rider carries the order (on the way to the shop, or to the customer). With early
 * dispatch a rider is also committed to an order while it is still being prepared (its rider is set).
 */
export const withRider: readonly OrderStatus[] = ['RIDER_ASSIGNED', 'PICKED_UP', 'IN_TRANSIT'];

/** States in which the goods are still at the shop: a failure there puts them back on the shelf. */
export const beforePickup: readonly OrderStatus[] = [
  'PENDING',
  'ACCEPTED',
  'PREPARING',
  'READY_FOR_PICKUP',
  'RIDER_ASSIGNED',
];

/** Whether leaving `from` for `to` puts the order's items back in stock. */
export const restoresStock = (from: OrderStatus, to: OrderStatus) =>
  (to === 'REJECTED' || to === 'CANCELLED' || to === 'FAILED') && beforePickup.includes(from);

export const findTransition = (from: OrderStatus, to: OrderStatus): TransitionRule | undefined =>
  orderTransitions.find((candidate) => candidate.from === from && candidate.to === to);

/** The moves `actor` may make from `status`: the buttons an app shows. */
export const nextTransitions = (status: OrderStatus, actor: OrderActor): TransitionRule[] =>
  orderTransitions.filter((candidate) => candidate.from === status && candidate.by.includes(actor));

export interface TransitionAttempt {
  from: OrderStatus;
  to: OrderStatus;
  actor: OrderActor;
  reason?: string | undefined;
  otp?: string | undefined;
  riderId?: string | undefined;
}

/** Why a move is refused, in the order they are checked. */
export type TransitionRefusal =
  | { refused: 'invalid' }
  | { refused: 'actor' }
  | { refused: 'missing'; need: TransitionNeed };

/** Checks a move against the table: undefined when allowed (whether the OTP is right is the server's call). */
export function refuseTransition(attempt: TransitionAttempt): TransitionRefusal | undefined {
  const found = findTransition(attempt.from, attempt.to);
  if (!found) return { refused: 'invalid' };
  if (!found.by.includes(attempt.actor)) return { refused: 'actor' };
  const given: Record<TransitionNeed, unknown> = { reason: attempt.reason, otp: attempt.otp, rider: attempt.riderId };
  const need = found.needs.find((name) => !given[name]);
  return need ? { refused: 'missing', need } : undefined;
}
