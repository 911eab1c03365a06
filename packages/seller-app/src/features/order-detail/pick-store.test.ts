import { memoryStorage } from '@kupwara/shared/client';
import { createPickStore, MAX_ORDERS } from './pick-store';

describe('the pick list kept on the device', () => {
  it('ticks and unticks lines per order, and reads them back after a restart', async () => {
    const storage = memoryStorage();
    const picks = createPickStore(storage, 'picks');
    picks.toggle('order-1', 'rice');
    picks.toggle('order-1', 'tea');
    picks.toggle('order-2', 'salt');
    picks.toggle('order-1', 'rice');
    expect(picks.store.getState()).toEqual({ 'order-1': ['tea'], 'order-2': ['salt'] });

    const again = createPickStore(storage, 'picks');
    await again.load();
    expect(again.store.getState()).toEqual({ 'order-1': ['tea'], 'order-2': ['salt'] });
  });

  it(`keeps the ${MAX_ORDERS} orders touched last`, () => {
    const picks = createPickStore(memoryStorage(), 'picks');
    for (let n = 0; n <= MAX_ORDERS; n += 1) picks.toggle(`order-${n}`, 'rice');
    const kept = Object.keys(picks.store.getState());
    expect(kept).toHaveLength(MAX_ORDERS);
    expect(kept).not.toContain('order-0');
    expect(kept.at(-1)).toBe(`order-${MAX_ORDERS}`);
  });

  it('forgets everything at sign-out', async () => {
    const storage = memoryStorage();
    const picks = createPickStore(storage, 'picks');
    picks.toggle('order-1', 'rice');
    picks.clear();
    const again = createPickStore(storage, 'picks');
    await again.load();
    expect(again.store.getState()).toEqual({});
  });
});
