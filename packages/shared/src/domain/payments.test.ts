import { describe, expect, it } from 'vitest';
import { finalStatuses, type OrderStatus } from './order-machine';
import { firstPaymentState, paymentStateAfter } from './payments';

describe("an order's money", () => {
  it('starts due for cash and awaiting for online', () => {
    expect(firstPaymentState('cash')).toBe('due');
    expect(firstPaymentState('online')).toBe('awaiting');
  });

  it('is collected at the door, refunded when a paid order ends short of it, owed by nobody otherwise', () => {
    // In the machine's order of endings: delivered, then rejected, cancelled and failed.
    const after = (state: Parameters<typeof paymentStateAfter>[0]) =>
      finalStatuses.map((to: OrderStatus) => paymentStateAfter(state, to));
    expect(after('due')).toEqual(['collected', 'void', 'void', 'void']);
    expect(after('paid')).toEqual(['paid', 'refunding', 'refunding', 'refunding']);
    expect(after('awaiting')).toEqual(['awaiting', 'void', 'void', 'void']);
    expect(paymentStateAfter('paid', 'ACCEPTED')).toBe('paid');
    expect(paymentStateAfter('due', 'PICKED_UP')).toBe('due');
  });
});
