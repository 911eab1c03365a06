import { type RejectReason, rejectionWords } from './order-answer';

/**
 * The order lifecycle: every state, every allowed move, who may make it and what it needs. The
 * server enforces this table; the apps read it to decide which buttons to show.
 */
export const orderStatuses = [
  'AWAITING_PAYMENT',
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

/** Where a cash order starts, and a paid one goes once its payment is captured: placed, waiting for the shop. */
export const initialStatus: OrderStatus = 'PENDING';

/** Where an order paid online starts: its stock held, the shop not told until the payment is captured. */
export const awaitingPaymentStatus: OrderStatus = 'AWAITING_PAYMENT';
export const awaitsPayment = (status: OrderStatus) => status === awaitingPaymentStatus;

/** The state an order is placed in, by how it is paid. */
export const placedStatus = (method: 'cash' | 'online'): OrderStatus =>
  method === 'online' ? awaitingPaymentStatus : initialStatus;

/** Once here, an order never moves again. */
export const finalStatuses: readonly OrderStatus[] = ['DELIVERED', 'REJECTED', 'CANCELLED', 'FAILED'];
export const isFinal = (status: OrderStatus) => finalStatuses.includes(status);

/** Who acts on an order. `system` is the server itself (timeouts, dispatch) or an operator acting for it. */
export const orderActors = ['customer', 'seller', 'rider', 'system'] as const;
export type OrderActor = (typeof orderActors)[number];

/**
 * What a transition must carry: a reason the customer will read, the OTP from the customer, the
 * rider taking it, the shop's preparation time (accepting), the shop's reason from the list (rejecting).
 */
export type TransitionNeed = 'reason' | 'otp' | 'rider' | 'prep' | 'rejection';

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
  // The gateway captured the payment: the shop gets the order. The customer may give up paying.
  rule('AWAITING_PAYMENT', 'PENDING', ['system']),
  rule('AWAITING_PAYMENT', 'CANCELLED', ['customer']),
  rule('PENDING', 'ACCEPTED', ['seller'], ['prep']),
  rule('PENDING', 'REJECTED', ['seller'], ['rejection']),
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

/** Where an order can stop short of delivery. */
export const endedStatuses: readonly OrderStatus[] = finalStatuses.filter((status) => status !== 'DELIVERED');
export const isEnded = (status: OrderStatus) => endedStatuses.includes(status);

/** Every step of a delivery that goes to plan, in the order an order passes them. */
export const progressStatuses: readonly OrderStatus[] = orderStatuses.filter((status) => !isEnded(status));

/** The steps an order's timeline shows: a cash order never waits for a payment. */
export const progressFor = (method: 'cash' | 'online'): readonly OrderStatus[] =>
  method === 'online' ? progressStatuses : progressStatuses.filter((status) => !awaitsPayment(status));

/**
 * Whether the shop hears of an event: from the moment the order is theirs to answer. An order
 * paid online that ends unpaid (it timed out, the customer gave up) never reaches the shop.
 */
export const shopHears = (event: { status: OrderStatus; from_status: OrderStatus | null }) =>
  !awaitsPayment(event.status) &&
  (event.from_status === null || !awaitsPayment(event.from_status) || event.status === initialStatus);

/** States in which an order without a rider may be given one (the earliest when dispatch starts at acceptance). */
export const awaitingRiderStatuses: readonly OrderStatus[] = ['ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP'];
export const isAwaitingRider = (status: OrderStatus) => awaitingRiderStatuses.includes(status);

/** States in which a rider carries the order (on the way to the shop, or to the customer). */
export const carriedStatuses: readonly OrderStatus[] = ['RIDER_ASSIGNED', 'PICKED_UP', 'IN_TRANSIT'];
export const isCarried = (status: OrderStatus) => carriedStatuses.includes(status);

/** States in which the rider has the goods and rides to the customer. */
const withGoods: readonly OrderStatus[] = ['PICKED_UP', 'IN_TRANSIT'];

/**
 * Where an order's rider is heading: to the shop until they have the goods (also while a rider
 * taken early waits for the shop), then to the customer; nowhere once the order has ended.
 */
export function riderHeading(status: OrderStatus): 'store' | 'customer' | undefined {
  if (isFinal(status)) return undefined;
  return withGoods.includes(status) ? 'customer' : 'store';
}

/** Whether leaving `from` for `to` puts the order's items back in stock: it ended before the rider took the goods. */
export const restoresStock = (from: OrderStatus, to: OrderStatus) =>
  isEnded(to) && !withGoods.includes(from) && !isFinal(from);

export const findTransition = (from: OrderStatus, to: OrderStatus): TransitionRule | undefined =>
  orderTransitions.find((candidate) => candidate.from === from && candidate.to === to);

/** Where an order a rider carries can end: their History lists these. */
export const carriedEndings: readonly OrderStatus[] = finalStatuses.filter((end) =>
  carriedStatuses.some((from) => findTransition(from, end)),
);

/** The state from which the next move gives the order its rider: a rider taken early is assigned once it gets here. */
export const isReadyForRider = (status: OrderStatus) =>
  orderTransitions.some((candidate) => candidate.from === status && candidate.needs.includes('rider'));

/**
 * The moves that take an order from `from` to `to`: along the delivery going to plan (each state's
 * one move that does not end it), or the one move to an ending. Empty when no such way exists.
 */
export function pathBetween(from: OrderStatus, to: OrderStatus): TransitionRule[] {
  if (isEnded(to)) {
    const ending = findTransition(from, to);
    return ending ? [ending] : [];
  }
  const path: TransitionRule[] = [];
  for (let at = from; at !== to; ) {
    const step = orderTransitions.find((candidate) => candidate.from === at && !isEnded(candidate.to));
    if (!step) return [];
    path.push(step);
    at = step.to;
  }
  return path;
}

/** The moves `actor` may make from `status`: the buttons an app shows. */
export const nextTransitions = (status: OrderStatus, actor: OrderActor): TransitionRule[] =>
  orderTransitions.filter((candidate) => candidate.from === status && candidate.by.includes(actor));

/**
 * What an order's timeline records: a move from one state to another, or a change within a state
 * (a rider taken while the shop still prepares, when dispatch starts at acceptance).
 */
export const orderEventKinds = ['transition', 'rider_assigned_early'] as const;
export type OrderEventKind = (typeof orderEventKinds)[number];

/** What the machine needs to know of an order: the apps' `Order` and the server's row both have it. */
export interface MachineOrder {
  status: OrderStatus;
  version: number;
}

/** A requested move, as the API takes it. */
export interface MoveRequest {
  to: OrderStatus;
  reason?: string | undefined;
  /** Accepting: minutes until the order is ready. */
  prep_minutes?: number | undefined;
  /** Rejecting: why, from the list (`other` with the words in `reason`). */
  reject_reason?: RejectReason | undefined;
  otp?: string | undefined;
  rider_id?: string | undefined;
  /** The version the person saw: a different one is refused as stale. */
  version?: number | undefined;
}

/** The event a move appends to the order's timeline (the server adds its number and times). */
export interface MachineEvent {
  kind: OrderEventKind;
  status: OrderStatus;
  from_status: OrderStatus;
  actor: OrderActor;
  /** In plain words, as the customer reads it. */
  reason: string | null;
  /** A rejection's reason from the list. */
  reason_code: RejectReason | null;
}

/** Why a move is refused, in the order they are checked. */
export type TransitionRefusal =
  | { refused: 'stale'; version: number }
  | { refused: 'invalid'; status: OrderStatus; next: OrderStatus[] }
  | { refused: 'actor' }
  | { refused: 'missing'; need: TransitionNeed };

export type TransitionResult<O extends MachineOrder> =
  | { ok: true; order: O; event: MachineEvent }
  | { ok: false; refusal: TransitionRefusal };

/**
 * Applies a move to an order, purely: the next order (new status, next version) and the event, or
 * why the move is refused. Whether an OTP is the right one is the server's call: only it knows the code.
 */
export function applyTransition<O extends MachineOrder>(
  order: O,
  request: MoveRequest,
  actor: OrderActor,
): TransitionResult<O> {
  if (request.version !== undefined && request.version !== order.version) {
    return { ok: false, refusal: { refused: 'stale', version: order.version } };
  }
  const found = findTransition(order.status, request.to);
  if (!found) {
    const next = nextTransitions(order.status, actor).map((rule) => rule.to);
    return { ok: false, refusal: { refused: 'invalid', status: order.status, next } };
  }
  if (!found.by.includes(actor)) return { ok: false, refusal: { refused: 'actor' } };
  const given: Record<TransitionNeed, unknown> = {
    reason: request.reason,
    otp: request.otp,
    rider: request.rider_id,
    prep: request.prep_minutes,
    rejection: request.reject_reason && (request.reject_reason !== 'other' || request.reason?.trim()),
  };
  const need = found.needs.find((name) => !given[name]);
  if (need) return { ok: false, refusal: { refused: 'missing', need } };
  const code = found.needs.includes('rejection') ? (request.reject_reason ?? null) : null;
  const reason = code ? rejectionWords(code, request.reason) : (request.reason ?? null);
  return {
    ok: true,
    order: { ...order, status: request.to, version: order.version + 1 },
    event: { kind: 'transition', status: request.to, from_status: order.status, actor, reason, reason_code: code },
  };
}

/** States in which a rider may be taken before the order is ready (it stays in its state; the rider rides to the shop). */
const earlyRiderStatuses: readonly OrderStatus[] = awaitingRiderStatuses.filter((status) => !isReadyForRider(status));

/**
 * A rider taken while the shop still prepares: the status stays, the version moves on and the
 * timeline says so. Undefined when the order is past that point (a ready order gets RIDER_ASSIGNED).
 */
export function assignRiderEarly<O extends MachineOrder>(order: O): { order: O; event: MachineEvent } | undefined {
  if (!earlyRiderStatuses.includes(order.status)) return undefined;
  return {
    order: { ...order, version: order.version + 1 },
    event: {
      kind: 'rider_assigned_early',
      status: order.status,
      from_status: order.status,
      actor: 'system',
      reason: null,
      reason_code: null,
    },
  };
}

/** Waiting for the shop to accept or reject: what rings in the seller app until someone opens or answers it. */
export const awaitsAnswer = (status: OrderStatus) => status === initialStatus;

/** The seller app's tabs: the shop's part of an order's life, by where the order is. */
export const sellerStages = ['new', 'preparing', 'ready', 'on_the_way', 'done'] as const;
export type SellerStage = (typeof sellerStages)[number];

export function sellerStageOf(status: OrderStatus): SellerStage {
  if (isFinal(status)) return 'done';
  // Never shown to a shop (it sees an order once paid); were it, it would be new to them.
  if (awaitsPayment(status)) return 'new';
  if (isCarried(status)) return 'on_the_way';
  if (awaitsAnswer(status)) return 'new';
  return isReadyForRider(status) ? 'ready' : 'preparing';
}
