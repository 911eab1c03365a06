import { createStore } from 'zustand/vanilla';
import type { SecretStorage } from './storage';

/** Where the customer wants things: the phone's position, a saved address, or a point on the map. */
export interface Place {
  lat: number;
  lng: number;
  label: string;
  source: 'gps' | 'address' | 'map';
  address_id?: string;
}

export function createPlaceStore(storage: SecretStorage, key = 'kupwara.place') {
  const store = createStore<{ place: Place | null }>()(() => ({ place: null }));
  return {
    store,
    async load() {
      const saved = await storage.getItem(key).catch(() => null);
      if (saved) store.setState({ place: JSON.parse(saved) as Place });
    },
    select(place: Place | null) {
      store.setState({ place });
      void (place ? storage.setItem(key, JSON.stringify(place)) : storage.removeItem(key));
    },
  };
}

export type PlaceStore = ReturnType<typeof createPlaceStore>;
