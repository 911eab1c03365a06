import { ApiError } from '@kupwara/shared/client';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import SignedInLayout from '../../app/(app)/_layout';
import Cart from '../../app/(app)/cart';
import Orders from '../../app/(app)/orders/index';
import type { CustomerServices, PlaceOrder } from '../services';
import { servicesForTest, TestRoot } from './harness';

const SHOP = { id: '01900000-0000-7000-8000-0000000000a1', name: 'Gulzar Kiryana' };
const TEA = '01900000-0000-7000-8000-0000000000b1';
const RICE = '01900000-0000-7000-8000-0000000000b2';

const action: PlaceOrder = {
  shop: SHOP,
  lines: [
    { product_id: TEA, name: 'Kahwa Tea', unit_price_paise: 25_050, quantity: 2 },
    { product_id: RICE, name: 'Basmati Rice', unit_price_paise: 12_000, quantity: 1 },
  ],
  body: {
    store_id: SHOP.id,
    items: [
      { product_id: TEA, quantity: 2, unit_price_paise: 25_050 },
      { product_id: RICE, quantity: 1, unit_price_paise: 12_000 },
    ],
    delivery_address: { label: 'Home', text: 'Green gate', location: { lat: 34.6, lng: 74.4 } },
    payment_method: 'cash',
  },
};

const refusal = new ApiError(409, 'PRICE_CHANGED', 'Some prices changed since you added them: check your cart', {
  items: [
    { product_id: TEA, name: 'Kahwa Tea', price_paise: 27_500, seen_price_paise: 25_050, requested: 2, available: 5 },
    {
      product_id: RICE,
      name: 'Basmati Rice',
      price_paise: 12_000,
      seen_price_paise: 12_000,
      requested: 1,
      available: 0,
    },
  ],
});

let services: CustomerServices;

it('shows a refused order in plain words and gives its cart back at the shop’s prices to confirm', async () => {
  services = servicesForTest();
  const calls: string[] = [];
  services.api.call = (async (name: string) => {
    calls.push(name);
    if (name === 'placeOrder') throw refusal;
    if (name === 'listOrders') return { items: [], next_cursor: null };
    throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
  }) as typeof services.api.call;
  services.session.store.setState({ session: { access_token: 'a' } as never, loaded: true });
  await services.queue.enqueue('placeOrder', 'orders', action);
  await waitFor(() => expect(services.queue.actions()[0]?.status).toBe('failed'));

  const app = renderRouter(
    { _layout: TestRoot, '(app)/_layout': SignedInLayout, '(app)/orders/index': Orders, '(app)/cart': Cart },
    { initialUrl: '/orders' },
  );
  expect(
    await screen.findByText('Kahwa Tea now costs ₹275 (was ₹250.50). Basmati Rice is no longer available.'),
  ).toBeTruthy();
  expect(screen.getByText('Gulzar Kiryana · 3 items')).toBeTruthy();

  fireEvent.press(screen.getByRole('button', { name: 'Update my cart' }));
  await waitFor(() => expect(app.getPathname()).toBe('/cart'));
  expect(services.local.cart.store.getState()).toEqual({
    store: SHOP,
    lines: [{ product_id: TEA, name: 'Kahwa Tea', unit_price_paise: 27_500, quantity: 2, was_price_paise: 25_050 }],
  });
  expect(services.queue.actions()).toEqual([]);
  expect(await screen.findByText(/The shop changed some prices/)).toBeTruthy();
  expect(calls.filter((name) => name === 'placeOrder')).toHaveLength(1);
});
