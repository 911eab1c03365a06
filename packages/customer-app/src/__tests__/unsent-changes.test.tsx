import { ApiError } from '@kupwara/shared/client';
import NetInfo from '@react-native-community/netinfo';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import SignedInLayout from '../../app/(app)/_layout';
import Orders from '../../app/(app)/orders/index';
import Profile from '../../app/(app)/profile';
import Login from '../../app/login';
import type { CustomerServices, PlaceOrder } from '../services';
import { servicesForTest, TestRoot } from './harness';

// The first render loads the whole app kit: slow on a cold transform cache.
jest.setTimeout(20_000);

const SHOP = { id: '01900000-0000-7000-8000-0000000000a1', name: 'Gulzar Kiryana' };
const TEA = '01900000-0000-7000-8000-0000000000b1';
const order = (note: string): PlaceOrder => ({
  shop: SHOP,
  lines: [{ product_id: TEA, name: 'Kahwa Tea', unit_price_paise: 25_050, quantity: 2 }],
  body: {
    store_id: SHOP.id,
    items: [{ product_id: TEA, quantity: 2, unit_price_paise: 25_050 }],
    delivery_address: { label: 'Home', text: 'Green gate', location: { lat: 34.6, lng: 74.4 } },
    payment_method: 'cash',
    note,
  },
});
const routes = {
  _layout: TestRoot,
  '(app)/_layout': SignedInLayout,
  '(app)/orders/index': Orders,
  '(app)/profile': Profile,
  login: Login,
};

let services: CustomerServices;
let calls: string[];

/** The phone loses its network, or has it again: NetInfo tells the services' connectivity, the last to listen. */
function setOnline(online: boolean) {
  const listen = (NetInfo.addEventListener as jest.Mock).mock.calls.at(-1)?.[0];
  listen({ isConnected: online, isInternetReachable: online });
}

beforeEach(() => {
  services = servicesForTest();
  setOnline(false);
  calls = [];
  // No network: every call fails as it does offline, and is noted.
  services.api.call = (async (name: string) => {
    calls.push(name);
    throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
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

describe('changes not sent yet', () => {
  it('cancels an order still waiting for the network before anything is sent, and it leaves the list', async () => {
    await services.queue.enqueue('placeOrder', 'orders', order('changed my mind'));
    renderRouter(routes, { initialUrl: '/orders' });
    expect(await screen.findByText('Waiting for network')).toBeTruthy();

    fireEvent.press(screen.getByRole('button', { name: 'Cancel order' }));
    expect(await screen.findByText('Your order was cancelled before it was sent.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('queued-order')).toBeNull());
    expect(services.queue.actions()).toEqual([]);
    expect(calls.filter((name) => name === 'placeOrder' || name === 'transitionOrder')).toEqual([]);
  });

  it('does not pretend to cancel an order that may have reached the shop: its answer was lost', async () => {
    await services.queue.enqueue('placeOrder', 'orders', order('sent, no answer'));
    setOnline(true);
    await waitFor(() => expect(calls).toContain('placeOrder'));
    setOnline(false);
    renderRouter(routes, { initialUrl: '/orders' });

    fireEvent.press(await screen.findByRole('button', { name: 'Cancel order' }));
    expect(
      await screen.findByText(
        'Your order may have reached the shop already: once it shows in your orders, you can cancel it there.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Waiting for network')).toBeTruthy();
    expect(services.queue.actions()).toMatchObject([{ kind: 'placeOrder', attempts: 1 }]);
    expect(calls).not.toContain('transitionOrder');
  });

  it('asks before signing out with changes waiting, keeps them if told to, and discards them only when asked', async () => {
    await services.queue.enqueue('placeOrder', 'orders', order('first'));
    await services.queue.enqueue('placeOrder', 'orders', order('second'));
    services.local.cart.add(SHOP, { product_id: TEA, name: 'Kahwa Tea', unit_price_paise: 25_050 });
    const app = renderRouter(routes, { initialUrl: '/profile' });

    fireEvent.press(await screen.findByRole('button', { name: 'Sign out' }));
    expect(
      await screen.findByText('2 changes have not been sent yet. If you sign out now, they will be lost.'),
    ).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Keep waiting' }));
    await waitFor(() => expect(screen.queryByText('Sign out?')).toBeNull());
    expect(app.getPathname()).toBe('/profile');
    expect(services.queue.actions()).toHaveLength(2);

    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Sign out and discard' }));
    await waitFor(() => expect(app.getPathname()).toBe('/login'));
    expect(services.queue.actions()).toEqual([]);
    expect(services.session.store.getState().session).toBeNull();
    expect(services.local.cart.store.getState().lines).toEqual([]);
    expect(calls).not.toContain('placeOrder');
  });
});
