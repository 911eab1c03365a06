import type { KeyValueStorage } from '@kupwara/shared/client';
import { createStore } from 'zustand/vanilla';

export interface CartLine {
  product_id: string;
  name: string;
  /** The price the customer saw: sent with the order, which is refused if it changed. */
  unit_price_paise: number;
  quantity: number;
  /** The price before the shop changed it, while the customer has not yet ordered at the new one. */
  was_price_paise?: number;
}

export interface CartState {
  store: { id: string; name: string } | null;
  lines: CartLine[];
}

export type AddResult = { added: true } | { added: false; otherStore: { id: string; name: string } };

const MAX_QUANTITY = 99;
const empty: CartState = { store: null, lines: [] };

/**
 * The cart: one shop at a time (a rider fetches from one shop). Adding from another shop changes
 * nothing and says so, so the app can ask "replace your cart from X?" and then call `replace`.
 */
export function createCartStore(storage: KeyValueStorage, key = 'kupwara.cart') {
  const store = createStore<CartState>()(() => empty);
  const save = (state: CartState) => {
    store.setState(state, true);
    void storage.setItem(key, JSON.stringify(state));
  };
  const withQuantity = (state: CartState, line: Omit<CartLine, 'quantity'>, quantity: number): CartState => {
    const others = state.lines.filter((l) => l.product_id !== line.product_id);
    const current = state.lines.find((l) => l.product_id === line.product_id);
    const clamped = Math.min(MAX_QUANTITY, Math.max(0, quantity));
    if (clamped === 0) return others.length ? { ...state, lines: others } : empty;
    const next = { ...line, quantity: clamped };
    return { ...state, lines: current ? state.lines.map((l) => (l === current ? next : l)) : [...others, next] };
  };

  return {
    store,
    async load() {
      const saved = await storage.getItem(key).catch(() => null);
      if (saved) store.setState(JSON.parse(saved) as CartState, true);
    },
    add(shop: { id: string; name: string }, line: Omit<CartLine, 'quantity'>, quantity = 1): AddResult {
      const state = store.getState();
      if (state.store && state.store.id !== shop.id) return { added: false, otherStore: state.store };
      const current = state.lines.find((l) => l.product_id === line.product_id)?.quantity ?? 0;
      save(withQuantity({ ...state, store: shop }, line, current + quantity));
      return { added: true };
    },
    /** Empties the cart of the other shop and starts one here. */
    replace(shop: { id: string; name: string }, line: Omit<CartLine, 'quantity'>, quantity = 1) {
      save(withQuantity({ store: shop, lines: [] }, line, quantity));
    },
    setQuantity(productId: string, quantity: number) {
      const state = store.getState();
      const line = state.lines.find((l) => l.product_id === productId);
      if (line) save(withQuantity(state, line, quantity));
    },
    /** The server's prices replace the ones seen (after the customer agreed to them). */
    reprice(prices: Record<string, number>) {
      const state = store.getState();
      save({
        ...state,
        lines: state.lines.map((l) => ({ ...l, unit_price_paise: prices[l.product_id] ?? l.unit_price_paise })),
      });
    },
    /** The cart as a refused order left it (see `cartAfterConflict`), for the customer to confirm. */
    restore(shop: { id: string; name: string }, lines: CartLine[]) {
      save(lines.length ? { store: shop, lines } : empty);
    },
    clear: () => save(empty),
  };
}

export const cartTotalPaise = (cart: CartState) =>
  cart.lines.reduce((total, line) => total + line.unit_price_paise * line.quantity, 0);

export type CartStore = ReturnType<typeof createCartStore>;
