import { describe, expect, it } from 'vitest';
import {
  finalStatuses,
  nextTransitions,
  type OrderActor,
  type OrderStatus,
  orderActors,
  orderStatuses,
  orderTransitions,
  refuseTransition,
  restoresStock,
} from './order-machine';

// The lifecycle written out by hand, as the business describes it: "from → to": who may.
const allowed: Record<string, OrderActor[]> = {
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

const everything = { reason: 'shop closed early', otp: '1234', riderId: 'rider-1' };
const triples = orderStatuses.flatMap((from) =>
  orderStatuses.flatMap((to) => orderActors.map((actor) => ({ from, to, actor }))),
);

describe('the order state machine', () => {
  it.each(triples)('$from → $to by $actor', ({ from, to, actor }) => {
    const who = allowed[`${from} → ${to}`];
    const expected = !who ? { refused: 'invalid' } : who.includes(actor) ? undefined : { refused: 'actor' };
    expect(refuseTransition({ from, to, actor, ...everything })).toEqual(expected);
  });

  it('has exactly the transitions of the written lifecycle', () => {
    expect(orderTransitions.map((t) => `${t.from} → ${t.to}`).sort()).toEqual(Object.keys(allowed).sort());
  });

  it('never moves an order out of a final state', () => {
    for (const from of finalStatuses) for (const actor of orderActors) expect(nextTransitions(from, actor)).toEqual([]);
  });

  it('reaches every state from PENDING', () => {
    const reached = new Set<OrderStatus>(['PENDING']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of orderTransitions)
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
    }
    expect([...reached].sort()).toEqual([...orderStatuses].sort());
  });

  it.each([
    ['PENDING', 'REJECTED', 'seller', 'reason'],
    ['IN_TRANSIT', 'DELIVERED', 'rider', 'otp'],
    ['READY_FOR_PICKUP', 'RIDER_ASSIGNED', 'system', 'rider'],
    ['PICKED_UP', 'FAILED', 'system', 'reason'],
  ] as const)('%s → %s by %s needs a %s', (from, to, actor, need) => {
    expect(refuseTransition({ from, to, actor })).toEqual({ refused: 'missing', need });
    expect(refuseTransition({ from, to, actor, ...everything, [need === 'rider' ? 'riderId' : need]: '' })).toEqual({
      refused: 'missing',
      need,
    });
  });

  it('lets the customer cancel without a reason, and only while PENDING', () => {
    expect(refuseTransition({ from: 'PENDING', to: 'CANCELLED', actor: 'customer' })).toBeUndefined();
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
});
