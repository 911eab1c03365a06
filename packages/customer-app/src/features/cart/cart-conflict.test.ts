import { ApiError } from '@kupwara/shared/client';
import { cartAfterConflict, describeCartConflict } from './cart-conflict';

const rice = {
  product_id: '01900000-0000-7000-8000-00000000000a',
  name: 'Basmati Rice',
  unit_price_paise: 12_000,
  quantity: 2,
};
const tea = {
  product_id: '01900000-0000-7000-8000-00000000000b',
  name: 'Kahwa Tea',
  unit_price_paise: 25_050,
  quantity: 3,
};
const bread = {
  product_id: '01900000-0000-7000-8000-00000000000c',
  name: 'Girda',
  unit_price_paise: 1_000,
  quantity: 1,
};
const state = (line: typeof rice, price: number | null, available: number) => ({
  product_id: line.product_id,
  name: line.name,
  price_paise: price,
  seen_price_paise: line.unit_price_paise,
  requested: line.quantity,
  available,
});

describe('an order refused because the shop changed', () => {
  it('is told in plain words', () => {
    const items = [state(rice, 12_000, 10), state(tea, 27_500, 1), state(bread, null, 0)];
    const error = new ApiError(409, 'PRICE_CHANGED', 'Some prices changed', { items });
    expect(describeCartConflict(error).message).toBe(
      'Kahwa Tea now costs ₹275 (was ₹250.50). Only 1 Kahwa Tea left (you wanted 3). Girda is no longer available.',
    );
    expect(describeCartConflict(new ApiError(409, 'CONFLICT', 'Try again')).message).toBe('Try again');
  });

  it('leaves a cart at today’s prices, within the stock, without what is gone, marking what changed', () => {
    const items = [state(rice, 12_000, 10), state(tea, 27_500, 1), state(bread, null, 0)];
    expect(cartAfterConflict([rice, tea, bread], items)).toEqual([
      rice,
      { ...tea, unit_price_paise: 27_500, quantity: 1, was_price_paise: 25_050 },
    ]);
    // Lines the shop did not mention (an OUT_OF_STOCK answer names only the short ones) stay as they were.
    expect(cartAfterConflict([rice, tea], [state(tea, 25_050, 2)])).toEqual([rice, { ...tea, quantity: 2 }]);
  });
});
