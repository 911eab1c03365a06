import type { Product } from '@kupwara/shared';
import { filterProducts, shelvesOf } from './filter-products';
import { changesOf, formOf, paiseOf, readForm } from './product-form';

const words = { required: 'Needed', badMoney: 'Rupees', mrpBelowPrice: 'At least the price', badCount: 'Count' };
const tea = {
  id: 't',
  store_id: 's',
  category_id: 'spices',
  name: 'Kahwa Tea',
  description: '',
  price_paise: 25_050,
  mrp_paise: 30_000,
  unit: '250 g',
  stock: 10,
  is_available: true,
  is_visible: true,
  images: [],
  version: 4,
  updated_at: '2026-12-01T10:00:00.000Z',
} satisfies Product;

describe('the product editor’s form', () => {
  it('reads rupees as paise', () => {
    expect([paiseOf('120'), paiseOf('120.5'), paiseOf('120.50'), paiseOf('0,75')]).toEqual([
      12_000, 12_050, 12_050, 75,
    ]);
    expect([paiseOf(''), paiseOf('12.345'), paiseOf('-1'), paiseOf('ten')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('names each wrong field, and takes the price as the MRP when none is given', () => {
    expect(readForm({ ...formOf(undefined), price: '12.999', stock: '-2' }, words)).toEqual({
      ok: false,
      errors: { name: 'Needed', unit: 'Needed', price: 'Rupees', mrp: 'Rupees', stock: 'Count' },
    });
    expect(
      readForm({ ...formOf(undefined), name: 'Dal', unit: '1 kg', price: '90', mrp: '80', stock: '3' }, words),
    ).toEqual({ ok: false, errors: { mrp: 'At least the price' } });
    const read = readForm({ ...formOf(undefined), name: ' Dal ', unit: '1 kg', price: '90', stock: '3' }, words);
    expect(read).toEqual({
      ok: true,
      value: {
        name: 'Dal',
        unit: '1 kg',
        price_paise: 9_000,
        mrp_paise: 9_000,
        stock: 3,
        description: '',
        category_id: null,
        is_available: true,
        is_visible: true,
      },
    });
  });

  it('sends only what the seller changed', () => {
    const read = readForm({ ...formOf(tea), price: '260', stock: '10', is_visible: false }, words);
    if (!read.ok) throw new Error('the form should read');
    expect(changesOf(tea, read.value)).toEqual({ price_paise: 26_000, is_visible: false });
  });
});

describe('the inventory’s search and shelves', () => {
  const rice = { ...tea, id: 'r', name: 'Basmati Rice Long Grain', category_id: 'rice' };
  const dal = { ...tea, id: 'd', name: 'Moong Dal', category_id: null };
  const names = new Map([
    ['spices', { name: 'Spices' }],
    ['rice', { name: 'Rice & flour' }],
  ]);

  it('finds names with every word typed, in any case, on the chosen shelf', () => {
    expect(filterProducts([tea, rice, dal], 'rice LONG', undefined).map((p) => p.id)).toEqual(['r']);
    expect(filterProducts([tea, rice, dal], '', 'spices').map((p) => p.id)).toEqual(['t']);
    expect(filterProducts([tea, rice, dal], 'rice', 'spices')).toEqual([]);
  });

  it('offers the shelves the products are on, by name', () => {
    expect(shelvesOf([tea, rice, dal, tea], names)).toEqual([
      { id: 'rice', name: 'Rice & flour' },
      { id: 'spices', name: 'Spices' },
    ]);
  });
});
