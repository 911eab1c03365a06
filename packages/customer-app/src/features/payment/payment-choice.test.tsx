import type { Order, PaymentMethod } from '@kupwara/shared';
import { ApiError } from '@kupwara/shared/client';
import { orderFixture } from '@kupwara/shared/testing';
import { placedStatus } from '@kupwara/shared/values';
import NetInfo from '@react-native-community/netinfo';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import SignedInLayout from '../../../app/(app)/_layout';
import Cart from '../../../app/(app)/cart';
import OrderTracking from '../../../app/(app)/orders/[id]';
import Orders from '../../../app/(app)/orders/index';
import { servicesForTest, TestRoot } from '../../__tests__/harness';
import type { CustomerServices, PlaceOrder } from '../../services';

jest.setTimeout(20_000);

const SHOP = '01900000-0000-7000-8000-0000000000a1';
const routes = {
  _layout: TestRoot,
  '(app)/_layout': SignedInLayout,
  '(app)/cart': Cart,
  '(app)/orders/index': Orders,
  '(app)/orders/[id]': OrderTracking,
};

// The gateway's checkout is the phone's or the browser's: here it is closed unpaid.
jest.mock('./checkout', () => ({ openCheckout: jest.fn(async () => ({ outcome: 'dismissed' })) }));

let services: CustomerServices;
let calls: { name: string; input: { body?: unknown; idempotencyKey?: string } }[];
let takes: PaymentMethod[];

/** The phone loses its network, or has it again: NetInfo tells the services' connectivity, the last to listen. */
function setOnline(online: boolean) {
  const listen = (NetInfo.addEventListener as jest.Mock).mock.calls.at(-1)?.[0];
  listen({ isConnected: online, isInternetReachable: online });
}

const shop = () => ({
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
  min_order_paise: 0,
  logo: null,
  phone: null,
  delivery_radius_km: 5,
  time_zone: 'Asia/Kolkata',
  payment_methods: takes,
});

const placed = (): Order =>
  orderFixture({
    id: '01900000-0000-7000-8000-0000000000c1',
    status: placedStatus('online'),
    payment_method: 'online',
    payment: { method: 'online', state: 'awaiting', pay_by: new Date(Date.now() + 15 * 60_000).toISOString() },
  });

beforeEach(() => {
  services = servicesForTest();
  setOnline(true);
  calls = [];
  takes = ['cash', 'online'];
  services.api.call = (async (name: string, input: { body?: unknown; idempotencyKey?: string }) => {
    calls.push({ name, input });
    if (name === 'getStore') return shop();
    if (name === 'placeOrder') return placed();
    if (name === 'listOrders') return { items: [], next_cursor: null };
    throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
  }) as typeof services.api.call;
  services.session.store.setState({ session: { access_token: 'a', user: { id: 'c1' } } as never, loaded: true });
  services.local.place.select({ lat: 34.6, lng: 74.4, label: 'Home', source: 'map' });
  services.local.cart.add(
    { id: SHOP, name: 'Gulzar Kiryana' },
    { product_id: '01900000-0000-7000-8000-0000000000b1', name: 'Kahwa Tea', unit_price_paise: 25_050 },
  );
});
afterEach(async () => {
  await services.queue.clear();
  services.queue.close();
  services.queryClient.clear();
});

const option = (name: RegExp) => screen.getByRole('radio', { name });
const cash = /^Cash on delivery/;
const payOnline = /^Pay online/;

describe('choosing how to pay', () => {
  it('offers only cash on delivery at a shop that takes no online payments', async () => {
    takes = ['cash'];
    renderRouter(routes, { initialUrl: '/cart' });
    expect(await screen.findByRole('radio', { name: cash })).toBeChecked();
    expect(screen.queryByRole('radio', { name: payOnline })).toBeNull();
    expect(screen.getByRole('button', { name: 'Place order' })).toBeEnabled();
  });

  it('places an online order at once, not through the queue, and opens its screen to pay', async () => {
    const app = renderRouter(routes, { initialUrl: '/cart' });
    await waitFor(() => expect(option(payOnline)).toBeEnabled());
    expect(option(cash)).toBeChecked();
    fireEvent.press(option(payOnline));
    expect(option(payOnline)).toBeChecked();
    fireEvent.press(screen.getByRole('button', { name: 'Place order and pay' }));

    await waitFor(() => expect(app.getPathname()).toBe('/orders/01900000-0000-7000-8000-0000000000c1'));
    expect(app.getSearchParams()).toEqual({ id: '01900000-0000-7000-8000-0000000000c1', pay: '1' });
    const sent = calls.filter((call) => call.name === 'placeOrder');
    expect(sent.map((call) => (call.input.body as { payment_method: string }).payment_method)).toEqual(['online']);
    expect(sent[0]?.input.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(services.queue.actions()).toEqual([]);
    expect(services.local.cart.store.getState().lines).toEqual([]);
  });

  it('sends the same online order again with the same key when its answer was lost, and says so', async () => {
    let lost = true;
    const answer = services.api.call;
    services.api.call = (async (name: string, input: { body?: unknown; idempotencyKey?: string }) => {
      if (name === 'placeOrder' && lost) {
        lost = false;
        calls.push({ name, input });
        throw new ApiError(0, 'TIMEOUT', 'The server took too long');
      }
      return (answer as (n: string, i: unknown) => Promise<unknown>)(name, input);
    }) as typeof services.api.call;
    const app = renderRouter(routes, { initialUrl: '/cart' });
    await waitFor(() => expect(option(payOnline)).toBeEnabled());
    fireEvent.press(option(payOnline));
    fireEvent.press(screen.getByRole('button', { name: 'Place order and pay' }));
    expect(await screen.findByText(/The server did not answer: try again/)).toBeTruthy();

    fireEvent.press(screen.getByRole('button', { name: 'Place order and pay' }));
    await waitFor(() => expect(app.getPathname()).toBe('/orders/01900000-0000-7000-8000-0000000000c1'));
    const keys = calls.filter((call) => call.name === 'placeOrder').map((call) => call.input.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('offline, shows paying online disabled with why, and still queues a cash order', async () => {
    renderRouter(routes, { initialUrl: '/cart' });
    await waitFor(() => expect(option(payOnline)).toBeEnabled());
    fireEvent.press(option(payOnline));
    setOnline(false);

    await waitFor(() => expect(option(payOnline)).toBeDisabled());
    expect(option(cash)).toBeChecked();
    expect(screen.getByText('Paying online needs a connection. Cash on delivery still works offline.')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(services.queue.actions()).toHaveLength(1));
    const queued = services.queue
      .actions()
      .map((action) => [action.kind, (action.params as PlaceOrder).body.payment_method]);
    expect(queued).toEqual([['placeOrder', 'cash']]);
    expect(calls.filter((call) => call.name === 'placeOrder')).toEqual([]);
  });

  it('offline, holds the order of a shop that takes only online payments', async () => {
    takes = ['online'];
    renderRouter(routes, { initialUrl: '/cart' });
    await waitFor(() => expect(option(payOnline)).toBeChecked());
    expect(screen.queryByRole('radio', { name: cash })).toBeNull();
    setOnline(false);
    await waitFor(() => expect(option(payOnline)).toBeDisabled());
    expect(screen.getByText('This shop only takes online payments, which need a connection.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Place order' })).toBeDisabled();
  });
});
