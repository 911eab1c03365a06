import { memoryStorage } from '@kupwara/shared/client';
import { cartTotalPaise, createCartStore } from './cart-store';

const lone = { id: 'store-1', name: 'Lone General Store' };
const bhat = { id: 'store-2', name: 'Bhat Bakery' };
const rice = { product_id: 'rice', name: 'Basmati Rice', unit_price_paise: 12_000 };
const tea = { product_id: 'tea', name: 'Kahwa Tea', unit_price_paise: 25_050 };
const bread = { product_id: 'bread', name: 'Girda', unit_price_paise: 1_000 };

describe('the cart', () => {
  it('holds one shop’s products, and asks before starting over with another shop', () => {
    const cart = createCartStore(memoryStorage());
    expect(cart.add(lone, rice)).toEqual({ added: true });
    expect(cart.add(lone, rice, 2)).toEqual({ added: true });
    expect(cart.add(lone, tea)).toEqual({ added: true });
    expect(cart.add(bhat, bread)).toEqual({ added: false, otherStore: lone });
    expect(cart.store.getState().lines.map((l) => [l.product_id, l.quantity])).toEqual([
      ['rice', 3],
      ['tea', 1],
    ]);
    expect(cartTotalPaise(cart.store.getState())).toBe(3 * 12_000 + 25_050);

    cart.replace(bhat, bread, 4);
    expect(cart.store.getState()).toEqual({ store: bhat, lines: [{ ...bread, quantity: 4 }] });
  });

  it('keeps quantities between 1 and 99, empties when the last line goes, and takes the shop’s new prices', () => {
    const cart = createCartStore(memoryStorage());
    cart.add(lone, rice);
    cart.add(lone, tea);
    cart.setQuantity('rice', 250);
    expect(cart.store.getState().lines[0]?.quantity).toBe(99);
    cart.reprice({ tea: 27_500 });
    expect(cart.store.getState().lines.map((l) => l.unit_price_paise)).toEqual([12_000, 27_500]);
    cart.setQuantity('rice', 0);
    cart.setQuantity('tea', 0);
    expect(cart.store.getState()).toEqual({ store: null, lines: [] });
  });

  it('is there again after a restart', async () => {
    const storage = memoryStorage();
    const before = createCartStore(storage);
    before.add(lone, rice, 2);
    const after = createCartStore(storage);
    await after.load();
    expect(after.store.getState()).toEqual({ store: lone, lines: [{ ...rice, quantity: 2 }] });
  });
});
