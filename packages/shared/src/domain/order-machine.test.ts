import { describe, expect, it } from 'vitest';
import type { RejectReason } from './order-answer';
import {
  applyTransition,
  assignRiderEarly,
  awaitingRiderStatuses,
  awaitsAnswer,
  awaitsPayment,
  carriedStatuses,
  endedStatuses,
  finalStatuses,
  initialStatus,
  isAwaitingRider,
  isCarried,
  isReadyForRider,
  type MoveRequest,
  nextTransitions,
  type OrderActor,
  type OrderStatus,
  orderActors,
  orderStatuses,
  orderTransitions,
  pathBetween,
  placedStatus,
  progressFor,
  progressStatuses,
  restoresStock,
  riderHeading,
  sellerStageOf,
  shopHears,
} from './order-machine';

// The lifecycle written out by hand, as the business describes it: "from → to": who may.
const allowed: Record<string, OrderActor[]> = {
  'AWAITING_PAYMENT → PENDING': ['system'],
  'AWAITING_PAYMENT → CANCELLED': ['customer'],
  'AWAITING_PAYMENT → FAILED': ['system'],
  'PENDING → ACCEPTED': ['seller'],
  'PENDING → REJECTED': ['seller'],
  'PENDING → CANCELLED': ['customer', 'system'],
  'ACCEPTED → PREPARING': ['seller'],
  'PREPARING → READY_FOR_PICKUP': ['seller'],
  'READY_FOR_PICKUP → RIDER_ASSIGNED': ['system'],
  'RIDER_ASSIGNED → PICKED_UP': ['rider'],
  'PICKED_UP → IN_TRANSIT': ['rider'],
  'IN_TRANSIT → DELIVERED': ['rider'],
  'PENDING → FAILED': ['system'],
  'ACCEPTED → FAILED': ['system'],
  'PREPARING → FAILED': ['system'],
  'READY_FOR_PICKUP → FAILED': ['system'],
  'RIDER_ASSIGNED → FAILED': ['system'],
  'PICKED_UP → FAILED': ['system'],
  'IN_TRANSIT → FAILED': ['system'],
};

const everything = {
  reason: 'shop closed early',
  otp: '1234',
  rider_id: 'rider-1',
  prep_minutes: 20,
  reject_reason: 'too_busy',
} as const;
const field = { reason: 'reason', otp: 'otp', rider: 'rider_id', prep: 'prep_minutes', rejection: 'reject_reason' };
const at = (status: OrderStatus) => ({ status, version: 3 });
/** The refusal of a move, or undefined when the machine makes it. */
const refusal = (from: OrderStatus, request: MoveRequest, actor: OrderActor) => {
  const result = applyTransition(at(from), request, actor);
  return result.ok ? undefined : result.refusal;
};
const triples = orderStatuses.flatMap((from) =>
  orderStatuses.flatMap((to) => orderActors.map((actor) => ({ from, to, actor }))),
);

describe('the order state machine', () => {
  it.each(triples)('$from → $to by $actor', ({ from, to, actor }) => {
    const who = allowed[`${from} → ${to}`];
    const next = nextTransitions(from, actor).map((t) => t.to);
    const expected = !who
      ? { refused: 'invalid', status: from, next }
      : who.includes(actor)
        ? undefined
        : { refused: 'actor' };
    expect(refusal(from, { to, ...everything }, actor)).toEqual(expected);
  });

  it('has exactly the transitions of the written lifecycle', () => {
    expect(orderTransitions.map((t) => `${t.from} → ${t.to}`).sort()).toEqual(Object.keys(allowed).sort());
  });

  it('never moves an order out of a final state', () => {
    for (const from of finalStatuses) for (const actor of orderActors) expect(nextTransitions(from, actor)).toEqual([]);
  });

  const reachedFrom = (start: OrderStatus) => {
    const reached = new Set<OrderStatus>([start]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of orderTransitions)
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
    }
    return [...reached].sort();
  };

  it('reaches every state from where an order paid online starts, and all but that from PENDING', () => {
    expect(reachedFrom(placedStatus('online'))).toEqual([...orderStatuses].sort());
    expect(reachedFrom(placedStatus('cash'))).toEqual(orderStatuses.filter((status) => !awaitsPayment(status)).sort());
  });

  it('tells the shop of an order from when it is theirs to answer, never of one that ended unpaid', () => {
    const hears = (from: OrderStatus | null, status: OrderStatus) => shopHears({ from_status: from, status });
    expect(hears(null, 'AWAITING_PAYMENT')).toBe(false);
    expect(hears('AWAITING_PAYMENT', 'PENDING')).toBe(true);
    expect(hears('AWAITING_PAYMENT', 'FAILED')).toBe(false);
    expect(hears('AWAITING_PAYMENT', 'CANCELLED')).toBe(false);
    expect(hears(null, 'PENDING')).toBe(true);
    expect(hears('PENDING', 'CANCELLED')).toBe(true);
    expect(hears('PICKED_UP', 'FAILED')).toBe(true);
  });

  it('shows the wait for a payment only on the timeline of an order paid online', () => {
    expect(progressFor('online')).toEqual(progressStatuses);
    expect(progressFor('cash')).toEqual(progressStatuses.slice(1));
    expect(progressFor('cash')[0]).toBe(initialStatus);
  });

  it.each([
    ['PENDING', 'REJECTED', 'seller', 'rejection'],
    ['PENDING', 'ACCEPTED', 'seller', 'prep'],
    ['IN_TRANSIT', 'DELIVERED', 'rider', 'otp'],
    ['READY_FOR_PICKUP', 'RIDER_ASSIGNED', 'system', 'rider'],
    ['PICKED_UP', 'FAILED', 'system', 'reason'],
  ] as const)('%s → %s by %s needs a %s', (from, to, actor, need) => {
    expect(refusal(from, { to }, actor)).toEqual({ refused: 'missing', need });
    expect(refusal(from, { to, ...everything, [field[need]]: undefined }, actor)).toEqual({
      refused: 'missing',
      need,
    });
  });

  it('lets the customer cancel without a reason, and only before the shop answers', () => {
    expect(refusal('PENDING', { to: 'CANCELLED' }, 'customer')).toBeUndefined();
    expect(refusal('AWAITING_PAYMENT', { to: 'CANCELLED' }, 'customer')).toBeUndefined();
    expect(nextTransitions('ACCEPTED', 'customer')).toEqual([]);
  });

  it('offers each party its own buttons', () => {
    const buttons = (status: OrderStatus, actor: OrderActor) => nextTransitions(status, actor).map((t) => t.to);
    expect(buttons('PENDING', 'seller')).toEqual(['ACCEPTED', 'REJECTED']);
    expect(buttons('PENDING', 'customer')).toEqual(['CANCELLED']);
    expect(buttons('RIDER_ASSIGNED', 'rider')).toEqual(['PICKED_UP']);
    expect(buttons('PREPARING', 'rider')).toEqual([]);
  });

  it('puts goods back on the shelf only when they never left the shop', () => {
    expect(restoresStock('PENDING', 'REJECTED')).toBe(true);
    expect(restoresStock('PENDING', 'CANCELLED')).toBe(true);
    expect(restoresStock('RIDER_ASSIGNED', 'FAILED')).toBe(true);
    expect(restoresStock('PICKED_UP', 'FAILED')).toBe(false);
    expect(restoresStock('IN_TRANSIT', 'FAILED')).toBe(false);
    expect(restoresStock('IN_TRANSIT', 'DELIVERED')).toBe(false);
  });

  it('moves an order to its next state and version, with the event of the move', () => {
    const order = { id: 'order-1', status: 'PENDING' as const, version: 4, note: 'no onions' };
    const request = { to: 'REJECTED', reject_reason: 'other', reason: 'Closed for prayer', version: 4 } as const;
    expect(applyTransition(order, request, 'seller')).toEqual({
      ok: true,
      order: { id: 'order-1', status: 'REJECTED', version: 5, note: 'no onions' },
      event: {
        kind: 'transition',
        status: 'REJECTED',
        from_status: 'PENDING',
        actor: 'seller',
        reason: 'Closed for prayer',
        reason_code: 'other',
      },
    });
    expect(order.status).toBe('PENDING');
  });

  it('refuses a move made on a version the order has left, before anything else', () => {
    expect(refusal('PENDING', { to: 'DELIVERED', version: 2 }, 'customer')).toEqual({ refused: 'stale', version: 3 });
    expect(refusal('PENDING', { to: 'ACCEPTED', prep_minutes: 15, version: 3 }, 'seller')).toBeUndefined();
  });

  it('takes a rider early only while the shop still prepares, keeping the state', () => {
    expect(assignRiderEarly({ status: 'ACCEPTED', version: 2 })).toEqual({
      order: { status: 'ACCEPTED', version: 3 },
      event: {
        kind: 'rider_assigned_early',
        status: 'ACCEPTED',
        from_status: 'ACCEPTED',
        actor: 'system',
        reason: null,
        reason_code: null,
      },
    });
    expect(assignRiderEarly({ status: 'PREPARING', version: 5 })?.order.version).toBe(6);
    const late = orderStatuses.filter((status) => assignRiderEarly({ status, version: 1 }) === undefined);
    expect(late).toEqual(orderStatuses.filter((status) => status !== 'ACCEPTED' && status !== 'PREPARING'));
  });

  it('names the states by what they mean for the parties', () => {
    expect([placedStatus('cash'), placedStatus('online')]).toEqual(['PENDING', 'AWAITING_PAYMENT']);
    expect([initialStatus, progressStatuses[0]]).toEqual(['PENDING', 'AWAITING_PAYMENT']);
    expect(endedStatuses).toEqual(['REJECTED', 'CANCELLED', 'FAILED']);
    expect(progressStatuses).toEqual([
      'AWAITING_PAYMENT',
      'PENDING',
      'ACCEPTED',
      'PREPARING',
      'READY_FOR_PICKUP',
      'RIDER_ASSIGNED',
      'PICKED_UP',
      'IN_TRANSIT',
      'DELIVERED',
    ]);
    expect(orderStatuses.filter(isAwaitingRider)).toEqual(['ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP']);
    expect(
      awaitingRiderStatuses.every((status) => nextTransitions(status, 'system').some((t) => t.to === 'FAILED')),
    ).toBe(true);
    expect(orderStatuses.filter(isReadyForRider)).toEqual(['READY_FOR_PICKUP']);
    expect(orderStatuses.filter(isCarried)).toEqual(['RIDER_ASSIGNED', 'PICKED_UP', 'IN_TRANSIT']);
    expect(carriedStatuses.map(riderHeading)).toEqual(['store', 'customer', 'customer']);
    expect(riderHeading('PREPARING')).toBe('store');
    expect(finalStatuses.map(riderHeading)).toEqual([undefined, undefined, undefined, undefined]);
  });

  const pairs = orderStatuses.flatMap((from) => orderStatuses.map((to) => ({ from, to })));
  const onPlan = (status: OrderStatus) => progressStatuses.indexOf(status);

  it.each(pairs)('walks $from to $to along the table, or says there is no way', ({ from, to }) => {
    const path = pathBetween(from, to);
    // Forward along the delivery going to plan, or one written move to an ending.
    const way = endedStatuses.includes(to) ? Boolean(allowed[`${from} → ${to}`]) : onPlan(from) < onPlan(to);
    expect(path.length > 0).toBe(way && onPlan(from) >= 0);
    for (const [i, step] of path.entries()) {
      expect(orderTransitions).toContain(step);
      expect(step.from).toBe(i === 0 ? from : path[i - 1]?.to);
    }
    if (path.length > 0) expect(path.at(-1)?.to).toBe(to);
  });

  it('walks the whole delivery in seven moves, each by the party the table names', () => {
    expect(pathBetween('PENDING', 'DELIVERED').map((step) => [step.to, step.by])).toEqual([
      ['ACCEPTED', ['seller']],
      ['PREPARING', ['seller']],
      ['READY_FOR_PICKUP', ['seller']],
      ['RIDER_ASSIGNED', ['system']],
      ['PICKED_UP', ['rider']],
      ['IN_TRANSIT', ['rider']],
      ['DELIVERED', ['rider']],
    ]);
    expect(pathBetween('PREPARING', 'PENDING')).toEqual([]);
    expect(pathBetween('ACCEPTED', 'CANCELLED')).toEqual([]);
  });
});

describe('answering a new order', () => {
  it('rejects in the words the customer reads, from the list or the shop’s own for other', () => {
    const reject = (reject_reason: RejectReason, reason?: string) =>
      applyTransition(at('PENDING'), { to: 'REJECTED', reject_reason, reason }, 'seller');
    const words = (result: ReturnType<typeof reject>) =>
      result.ok ? [result.event.reason_code, result.event.reason] : result.refusal;
    expect(words(reject('out_of_stock'))).toEqual(['out_of_stock', 'Some items are out of stock']);
    expect(words(reject('closing_soon'))).toEqual(['closing_soon', 'The shop is closing soon']);
    expect(words(reject('too_busy', 'ignored words'))).toEqual(['too_busy', 'The shop is too busy right now']);
    expect(words(reject('other', ' Shop shut for a wedding '))).toEqual(['other', 'Shop shut for a wedding']);
    expect(words(reject('other'))).toEqual({ refused: 'missing', need: 'rejection' });
    expect(words(reject('other', '   '))).toEqual({ refused: 'missing', need: 'rejection' });
  });

  it('puts each state in one of the seller app’s tabs, and rings only for orders waiting for an answer', () => {
    const stageOf = Object.fromEntries(orderStatuses.map((status) => [status, sellerStageOf(status)]));
    expect(stageOf).toEqual({
      AWAITING_PAYMENT: 'new',
      PENDING: 'new',
      ACCEPTED: 'preparing',
      PREPARING: 'preparing',
      READY_FOR_PICKUP: 'ready',
      RIDER_ASSIGNED: 'on_the_way',
      PICKED_UP: 'on_the_way',
      IN_TRANSIT: 'on_the_way',
      DELIVERED: 'done',
      REJECTED: 'done',
      CANCELLED: 'done',
      FAILED: 'done',
    });
    expect(orderStatuses.filter(awaitsAnswer)).toEqual(['PENDING']);
  });
});
