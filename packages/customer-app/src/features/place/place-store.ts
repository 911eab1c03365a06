import type { KeyValueStorage } from '@kupwara/shared/client';
import { createStore } from 'zustand/vanilla';

/** Where the customer wants things: the phone's position, a saved address, or a point on the map. */
export interface Place {
  lat: number;
  lng: number;
  label: string;
  source: 'gps' | 'address' | 'map';
  address_id?: string;
}

export function createPlaceStore(storage: KeyValueStorage, key = 'kupwara.place') {
  const store = createStore<{ place: Place | null }>()(() => ({ place: null }));
  const select = (place: Place | null) => {
    store.setState({ place });
    void (place ? storage.setItem(key, JSON.stringify(place)) : storage.removeItem(key));
  };
  return {
    store,
    async load() {
      const saved = await storage.getItem(key).catch(() => null);
      if (saved) store.setState({ place: JSON.parse(saved) as Place });
    },
    select,
    /** Forgets the place (at sign-out: the next person chooses their own). */
    clear: () => select(null),
  };
}

export type PlaceStore = ReturnType<typeof createPlaceStore>;
