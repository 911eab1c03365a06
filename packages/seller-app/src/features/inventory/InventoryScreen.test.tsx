import type { Product } from '@kupwara/shared';
import { ApiError } from '@kupwara/shared/client';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../__tests__/harness';

// The first render loads the whole app kit: slow on a cold transform cache.
jest.setTimeout(30_000);

const shop = { id: '01900000-0000-7000-8000-0000000000a1', name: 'Gulzar Kiryana', version: 1 };
const tea: Product = {
  id: '01900000-0000-7000-8000-0000000000b1',
  store_id: shop.id,
  category_id: null,
  name: 'Kahwa Tea',
  description: '',
  price_paise: 25_000,
  mrp_paise: 25_000,
  unit: '250 g',
  stock: 10,
  is_available: true,
  is_visible: true,
  images: [],
  version: 1,
  updated_at: '2026-12-01T10:00:00.000Z',
};
const inventory = () => ({ items: [tea], next_cursor: null });
const categories = () => ({ items: [] });

type Edit = { params: { id: string }; body: Record<string, unknown>; idempotencyKey: string };

describe('the Stock tab', () => {
  it('shows an edit the server has not got yet at once, marked as not sent', async () => {
    const services = servicesForTest({ getMyStore: () => shop, sellerProducts: inventory, categories });
    signIn(services);
    renderRouter(appRoutes, { initialUrl: '/inventory' });
    const toggle = await screen.findByRole('switch', { name: 'Kahwa Tea in stock' });
    expect(toggle.props.accessibilityState).toMatchObject({ checked: true });
    fireEvent.press(toggle);
    expect(await screen.findByText('Not sent yet')).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Kahwa Tea in stock' }).props.accessibilityState).toMatchObject({
      checked: false,
    });
    expect(services.queue.actions().map((a) => [a.kind, a.status, a.params])).toEqual([
      ['editProduct', 'pending', { product: tea, changes: { is_available: false } }],
    ]);
  });

  it('shows an edit that met a newer version beside the server’s, and sends it again on that version', async () => {
    const counted = { ...tea, stock: 4, version: 2 };
    const sent: Edit[] = [];
    const services = servicesForTest({
      getMyStore: () => shop,
      sellerProducts: inventory,
      categories,
      updateProduct: (input) => {
        const edit = input as Edit;
        sent.push(edit);
        if (edit.body.version !== 2) throw new ApiError(409, 'CONFLICT', 'changed', { current: counted });
        return { ...counted, ...edit.body, version: 3 };
      },
    });
    signIn(services);
    renderRouter(appRoutes, { initialUrl: '/inventory' });
    fireEvent.press(await screen.findByRole('button', { name: 'One more Kahwa Tea' }));
    expect(await screen.findByText('Kahwa Tea changed meanwhile')).toBeTruthy();
    expect(screen.getByText('Stock: 11')).toBeTruthy();
    expect(screen.getByText('Stock: 4')).toBeTruthy();
    // The list shows the server's count meanwhile.
    expect(screen.getByRole('button', { name: 'Stock of Kahwa Tea: 4. Change' })).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Apply mine again' }));
    await waitFor(() => expect(screen.queryByText('Kahwa Tea changed meanwhile')).toBeNull());
    await waitFor(() => expect(services.queue.actions()).toEqual([]));
    expect(sent.map((edit) => edit.body)).toEqual([
      { stock: 11, version: 1 },
      { stock: 11, version: 2 },
    ]);
    expect(new Set(sent.map((edit) => edit.idempotencyKey)).size).toBe(2);
    expect(await screen.findByRole('button', { name: 'Stock of Kahwa Tea: 11. Change' })).toBeTruthy();
  });
});
