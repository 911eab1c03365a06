import { useServices } from '@kupwara/shared/app';
import type { KeyValueStorage } from '@kupwara/shared/client';
import { createStore } from 'zustand/vanilla';

/** The lines ticked off, by order: product ids in the order they were picked. */
export type PickState = Record<string, string[]>;

/** Orders remembered at most: a busy counter's day, and the storage stays small. */
export const MAX_ORDERS = 100;

/**
 * The lines the shop has put in the bag, per order, kept on this device (optimistic silent: a
 * tick is the shopkeeper's own note, no server needs it) so they survive the app being closed.
 */
export function createPickStore(storage: KeyValueStorage, key: string) {
  const store = createStore<PickState>()(() => ({}));
  const save = (state: PickState) => {
    store.setState(state, true);
    void storage.setItem(key, JSON.stringify(state));
  };
  return {
    store,
    async load() {
      const saved = await storage.getItem(key).catch(() => null);
      if (saved) store.setState(JSON.parse(saved) as PickState, true);
    },
    /** Ticks a line, or unticks it. */
    toggle(orderId: string, productId: string) {
      const { [orderId]: picked = [], ...others } = store.getState();
      const next = picked.includes(productId) ? picked.filter((id) => id !== productId) : [...picked, productId];
      // The order touched last goes last; the oldest are forgotten first.
      const kept = Object.entries(others).slice(-(MAX_ORDERS - 1));
      save({ ...Object.fromEntries(kept), [orderId]: next });
    },
    clear: () => save({}),
  };
}

export type PickStore = ReturnType<typeof createPickStore>;

const isPickStore = (store: unknown): store is PickStore =>
  typeof store === 'object' && store !== null && 'toggle' in store && 'store' in store;

/** The pick list `createSellerServices` keeps on this device (`services.local.picks`). */
export function usePickStore(): PickStore {
  const { picks } = useServices().local;
  if (!isPickStore(picks)) throw new Error('createSellerServices keeps no pick list (local.picks)');
  return picks;
}
