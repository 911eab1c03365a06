import { ApiError } from '@kupwara/shared/client';
import { fakeNotifications, orderFixture } from '@kupwara/shared/testing';
import AsyncStorage from '@react-native-async-storage/async-storage';
import { router } from 'expo-router';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import SignedInLayout from '../../app/(app)/_layout';
import Cart from '../../app/(app)/cart';
import OrderTracking from '../../app/(app)/orders/[id]';
import Orders from '../../app/(app)/orders/index';
import Profile from '../../app/(app)/profile';
import type { CustomerServices, PlaceOrder } from '../services';
import { servicesForTest, TestRoot } from './harness';

// The first render loads the whole app kit: slow on a cold transform cache.
jest.setTimeout(20_000);

const SHOP = { id: '01900000-0000-7000-8000-0000000000a1', name: 'Gulzar Kiryana' };
const HOME_ID = '01900000-0000-7000-8000-0000000000c1';
const HOME = { lat: 34.6, lng: 74.4 };
const saved = {
  id: HOME_ID,
  label: 'Home',
  text: 'House 12, Lal Chowk',
  location: HOME,
  landmark: 'Green gate opposite the college',
  is_default: true,
  created_at: '2026-11-29T10:00:00.000Z',
  updated_at: '2026-11-29T10:00:00.000Z',
};
const routes = {
  _layout: TestRoot,
  '(app)/_layout': SignedInLayout,
  '(app)/cart': Cart,
  '(app)/orders/index': Orders,
  '(app)/orders/[id]': OrderTracking,
  '(app)/profile': Profile,
};

let services: CustomerServices;
let answers: Record<string, (input: unknown) => unknown>;

beforeEach(() => {
  services = servicesForTest();
  answers = {
    listAddresses: () => ({ items: [saved], next_cursor: null }),
    listOrders: () => ({ items: [], next_cursor: null }),
    getStore: () => ({
      id: SHOP.id,
      name: SHOP.name,
      description: '',
      address: 'Old Bus Stand',
      phone: null,
      location: HOME,
      is_open_now: true,
      closes_at: null,
      opens_at: null,
      is_accepting_orders: true,
      paused_until: null,
      extra_prep_minutes: 0,
      extra_prep_until: null,
      rating: { average: 4.5, count: 12 },
      categories: ['grocery'],
      min_order_paise: 0,
      logo: null,
      delivery_radius_km: 5,
      time_zone: 'Asia/Kolkata',
    }),
  };
  // Whatever the test does not answer fails as it does with no network (a placed order stays queued).
  services.api.call = (async (name: string, input: unknown) => {
    const answer = answers[name];
    if (!answer) throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
    return answer(input);
  }) as typeof services.api.call;
  services.session.store.setState({
    session: { access_token: 'a', refresh_token: 'r', user: { name: 'Shabnam Bhat', phone: '+919419000111' } } as never,
    loaded: true,
  });
});
afterEach(async () => {
  await services.queue.clear();
  services.queue.close();
  services.queryClient.clear();
});

/** The delivery address of the order the cart queued. */
const queuedAddress = () =>
  (services.queue.actions()[0]?.params as PlaceOrder | undefined)?.body.delivery_address ?? null;

async function cartAt(place: Parameters<CustomerServices['local']['place']['select']>[0]) {
  services.local.place.select(place);
  services.local.cart.add(SHOP, { product_id: 'tea', name: 'Kahwa Tea', unit_price_paise: 25_000 });
  renderRouter(routes, { initialUrl: '/cart' });
  await waitFor(() => expect(screen.getByRole('button', { name: 'Place order' })).toBeEnabled());
}

describe('the landmark', () => {
  it('goes with the order as typed, trimmed, for the rider to find the door', async () => {
    await cartAt({ ...HOME, label: 'Dropped pin', source: 'map' });
    fireEvent.changeText(screen.getByLabelText('House and street'), 'House 4, Bohri Kadal');
    fireEvent.changeText(screen.getByLabelText('Landmark for the rider (optional)'), '  Behind the Jamia Masjid ');
    fireEvent.press(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() =>
      expect(queuedAddress()).toEqual({
        label: 'Dropped pin',
        text: 'House 4, Bohri Kadal',
        location: HOME,
        landmark: 'Behind the Jamia Masjid',
      }),
    );
  });

  it('comes from the saved address chosen as the place when none is typed', async () => {
    await cartAt({ ...HOME, label: 'Home', source: 'address', address_id: HOME_ID });
    expect(await screen.findByPlaceholderText('Green gate opposite the college')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() =>
      expect(queuedAddress()).toEqual({
        label: 'Home',
        text: 'House 12, Lal Chowk',
        location: HOME,
        landmark: 'Green gate opposite the college',
      }),
    );
  });

  it('is saved with an address and shown under it', async () => {
    const created: unknown[] = [];
    answers.createAddress = (input) => {
      created.push((input as { body: unknown }).body);
      return saved;
    };
    services.local.place.select({ ...HOME, label: 'Dropped pin', source: 'map' });
    renderRouter(routes, { initialUrl: '/profile' });
    expect(await screen.findByText('Landmark: Green gate opposite the college')).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('House and street'), 'House 12, Lal Chowk');
    fireEvent.changeText(screen.getByLabelText('Landmark for the rider (optional)'), 'Green gate ');
    fireEvent.press(screen.getByRole('button', { name: 'Save this place' }));
    await waitFor(() =>
      expect(created).toEqual([{ label: 'Home', text: 'House 12, Lal Chowk', location: HOME, landmark: 'Green gate' }]),
    );
  });

  it('is on the order’s screen with the address', async () => {
    const order = orderFixture({
      status: 'DELIVERED',
      delivery_address: { label: 'Home', text: 'House 12, Lal Chowk', location: HOME, landmark: 'Green gate' },
    });
    answers.getOrder = () => order;
    renderRouter(routes, { initialUrl: `/orders/${order.id}` });
    expect(await screen.findByText('Landmark: Green gate')).toBeTruthy();
    expect(screen.getByText('House 12, Lal Chowk')).toBeTruthy();
  });
});

describe('asking for pushes', () => {
  it('asks right after the first order is placed, and not again at the next', async () => {
    // A phone never asked before (the orders placed by the tests above asked this one).
    fakeNotifications.reset();
    await AsyncStorage.removeItem('kupwara.customer.push');
    await cartAt({ ...HOME, label: 'Home', source: 'address', address_id: HOME_ID });
    expect(fakeNotifications.asked).toBe(0);
    fireEvent.press(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(fakeNotifications.asked).toBe(1));
    expect(fakeNotifications.permission).toBe('granted');

    await screen.findByRole('heading', { name: 'Your orders' });
    services.local.cart.add(SHOP, { product_id: 'tea', name: 'Kahwa Tea', unit_price_paise: 25_000 });
    act(() => router.push('/cart'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Place order' })).toBeEnabled());
    fireEvent.press(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(services.queue.actions()).toHaveLength(2));
    expect(fakeNotifications.asked).toBe(1);
  });
});
