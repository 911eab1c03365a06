import { orderFixture } from '@kupwara/shared/testing';
import { firstName, formatCountdown, ordersByStage, secondsLeft, unseenNewOrders } from '../order-groups';

const now = new Date('2026-12-01T12:00:00.000Z');
const order = (id: string, over: object) => ({ ...orderFixture({ id, ...over }) });

describe('the shop’s orders by tab', () => {
  it('puts each order in its tab, finished ones only when they finished today', () => {
    const orders = [
      order('a', { status: 'PENDING' }),
      order('b', { status: 'ACCEPTED' }),
      order('c', { status: 'PREPARING' }),
      order('d', { status: 'READY_FOR_PICKUP' }),
      order('e', { status: 'PICKED_UP' }),
      order('f', { status: 'DELIVERED', updated_at: '2026-12-01T11:00:00.000Z' }),
      order('g', { status: 'REJECTED', updated_at: '2026-11-28T11:00:00.000Z' }),
    ];
    const ids = Object.fromEntries(
      Object.entries(ordersByStage(orders, now)).map(([stage, list]) => [stage, list.map((each) => each.id)]),
    );
    expect(ids).toEqual({ new: ['a'], preparing: ['b', 'c'], ready: ['d'], on_the_way: ['e'], done: ['f'] });
  });

  it('rings for new orders nobody at the shop has seen, and for nothing else', () => {
    const orders = [
      order('unseen', { status: 'PENDING', seen: false }),
      order('opened', { status: 'PENDING', seen: true }),
      order('accepted', { status: 'ACCEPTED', seen: false }),
    ];
    expect(unseenNewOrders(orders).map((each) => each.id)).toEqual(['unseen']);
  });

  it('counts down to the automatic cancel in minutes and seconds', () => {
    expect(secondsLeft({ answer_by: '2026-12-01T12:04:05.000Z' }, now)).toBe(245);
    expect(secondsLeft({ answer_by: '2026-12-01T12:00:00.400Z' }, now)).toBe(1);
    expect(secondsLeft({ answer_by: '2026-12-01T11:59:00.000Z' }, now)).toBe(0);
    expect(secondsLeft({ answer_by: null }, now)).toBeUndefined();
    expect([formatCountdown(245), formatCountdown(59), formatCountdown(600)]).toEqual(['4:05', '0:59', '10:00']);
    expect(firstName('  Shabnam Bhat ')).toBe('Shabnam');
  });
});
