import { ApiError } from '@kupwara/shared/client';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import SignedInLayout from '../../app/(app)/_layout';
import Cart from '../../app/(app)/cart';
import Home from '../../app/(app)/index';
import Login from '../../app/login';
import type { CustomerServices } from '../services';
import { servicesForTest, TestRoot } from './harness';

const SHOP = '01900000-0000-7000-8000-0000000000a1';
let services: CustomerServices;
let answers: Record<string, () => unknown>;
const routes = {
  _layout: TestRoot,
  '(app)/_layout': SignedInLayout,
  '(app)/index': Home,
  '(app)/cart': Cart,
  login: Login,
};

beforeEach(() => {
  services = servicesForTest();
  answers = {};
  services.api.call = (async (name: string) => {
    const answer = answers[name];
    if (!answer) throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
    return answer();
  }) as typeof services.api.call;
});
afterEach(() => services.queryClient.clear());

const signIn = () => services.session.store.setState({ session: { access_token: 'a' } as never, loaded: true });
const store = (over: object = {}) => ({
  id: SHOP,
  name: 'Gulzar Kiryana',
  description: '',
  address: 'Old Bus Stand',
  location: { lat: 34.6, lng: 74.4 },
  is_open_now: true,
  closes_at: null,
  opens_at: null,
  is_accepting_orders: true,
  paused_until: null,
  extra_prep_minutes: 0,
  extra_prep_until: null,
  rating: { average: 4.5, count: 12 },
  categories: ['grocery'],
  min_order_paise: 20_000,
  logo: null,
  distance_m: 850,
  delivery_fee_paise: 1_500,
  eta_minutes: 22,
  ...over,
});

describe('the customer screens', () => {
  it('sends someone not signed in to sign in', async () => {
    const app = renderRouter(routes, { initialUrl: '/' });
    await waitFor(() => expect(app.getPathname()).toBe('/login'));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('asks where to deliver first, then lists the shops there with their distance, fee and hours', async () => {
    signIn();
    answers.categories = () => ({ items: [] });
    answers.nearbyStores = () => ({
      items: [
        store(),
        store({ id: `${SHOP.slice(0, -1)}2`, name: 'Bhat Bakery', is_open_now: false, distance_m: 1900 }),
      ],
      next_cursor: null,
    });
    renderRouter(routes, { initialUrl: '/' });
    expect(await screen.findByText('We show the shops that deliver where you are.')).toBeTruthy();

    act(() => services.local.place.select({ lat: 34.6, lng: 74.4, label: 'Home', source: 'map' }));
    expect(await screen.findByText('Gulzar Kiryana')).toBeTruthy();
    expect(screen.getByText('Deliver to Home ›')).toBeTruthy();
    expect(screen.getByText('850 m · 22 min · ₹15 delivery · ★ 4.5')).toBeTruthy();
    expect(screen.getByText('1.9 km · 22 min · ₹15 delivery · ★ 4.5')).toBeTruthy();
    expect(screen.getByText('Closed')).toBeTruthy();
  });

  it('says when the shops could not be loaded, and tries again', async () => {
    signIn();
    services.local.place.select({ lat: 34.6, lng: 74.4, label: 'Home', source: 'map' });
    answers.categories = () => ({ items: [] });
    renderRouter(routes, { initialUrl: '/' });
    expect(await screen.findByText('Could not load this', {}, { timeout: 10_000 })).toBeTruthy();
    answers.nearbyStores = () => ({ items: [store()], next_cursor: null });
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Gulzar Kiryana')).toBeTruthy();
  });

  it('bills the cart and holds the order until it reaches the shop’s minimum', async () => {
    signIn();
    services.local.place.select({ lat: 34.6, lng: 74.4, label: 'Home', source: 'map' });
    answers.getStore = () => ({ ...store(), phone: null, delivery_radius_km: 5, time_zone: 'Asia/Kolkata' });
    services.local.cart.add(
      { id: SHOP, name: 'Gulzar Kiryana' },
      { product_id: 'tea', name: 'Kahwa Tea', unit_price_paise: 12_000 },
    );
    renderRouter(routes, { initialUrl: '/cart' });
    expect(await screen.findByText('Add ₹80 more to order from this shop')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Place order' })).toBeDisabled();

    fireEvent.press(screen.getByRole('button', { name: 'One more Kahwa Tea' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Place order' })).toBeEnabled());
    expect(screen.queryByText(/more to order from this shop/)).toBeNull();
    // The line and the items' total; with the ₹15 fee for a shop next door, ₹255 to pay.
    expect(screen.getAllByText('₹240')).toHaveLength(2);
    expect(screen.getByText('₹255')).toBeTruthy();
  });

  it('shows a paused shop in the list with when it is back', async () => {
    signIn();
    const back = new Date(Date.now() + 30 * 60_000);
    const hhmm = `${String(back.getHours()).padStart(2, '0')}:${String(back.getMinutes()).padStart(2, '0')}`;
    const paused = store({ paused_until: back.toISOString() });
    answers.categories = () => ({ items: [] });
    answers.nearbyStores = () => ({ items: [paused], next_cursor: null });
    services.local.place.select({ lat: 34.6, lng: 74.4, label: 'Home', source: 'map' });
    renderRouter(routes, { initialUrl: '/' });
    expect(await screen.findByText(`Paused · back at ${hhmm}`)).toBeTruthy();
  });

  it('holds the order of a paused shop, saying when it is back', async () => {
    signIn();
    const back = new Date(Date.now() + 30 * 60_000);
    const hhmm = `${String(back.getHours()).padStart(2, '0')}:${String(back.getMinutes()).padStart(2, '0')}`;
    const paused = store({ id: `${SHOP.slice(0, -1)}9`, paused_until: back.toISOString() });
    services.local.place.select({ lat: 34.6, lng: 74.4, label: 'Home', source: 'map' });
    answers.getStore = () => ({ ...paused, phone: null, delivery_radius_km: 5, time_zone: 'Asia/Kolkata' });
    services.local.cart.add(
      { id: paused.id, name: 'Gulzar Kiryana' },
      { product_id: 'tea', name: 'Kahwa Tea', unit_price_paise: 25_000 },
    );
    renderRouter(routes, { initialUrl: '/cart' });
    expect(await screen.findByText(new RegExp(`Paused · back at ${hhmm}`))).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Place order' })).toBeDisabled();
  });
});
