import { memoryStorage } from '@kupwara/shared/client';
import { createPlaceStore } from './place-store';

const home = { lat: 34.6, lng: 74.4, label: 'Home', source: 'address' as const, address_id: 'a1' };

describe('the place to deliver to', () => {
  it('is there again after a restart, and gone after it is cleared', async () => {
    const storage = memoryStorage();
    const before = createPlaceStore(storage, 'kupwara.customer.place');
    before.select(home);
    const after = createPlaceStore(storage, 'kupwara.customer.place');
    await after.load();
    expect(after.store.getState()).toEqual({ place: home });

    after.clear();
    expect(after.store.getState()).toEqual({ place: null });
    expect(storage.entries.has('kupwara.customer.place')).toBe(false);
    const later = createPlaceStore(storage, 'kupwara.customer.place');
    await later.load();
    expect(later.store.getState()).toEqual({ place: null });
  });
});
