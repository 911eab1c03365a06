import { router, useLocalSearchParams } from 'expo-router';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { Text } from 'react-native';
import { ApiError } from '../api/client';
import { initialStatus } from '../domain/order-machine';
import { orderLane, transitionParams } from '../orders/transition-order';
import { setNetwork } from '../testing';
import { servicesForTest, TestRoot } from '../testing/app-root';

const ORDER = '01900000-0000-7000-8000-000000000001';

import { Screen } from './Screen';

const Start = () => (
  <Screen title="Shops near you" back={false} right={<Text>Profile</Text>}>
    <Text>The list</Text>
  </Screen>
);
function Shop() {
  const { id } = useLocalSearchParams<{ id: string }>();
  return (
    <Screen title={`Shop ${id}`}>
      <Text>The shop</Text>
    </Screen>
  );
}
const routes = { _layout: TestRoot, index: Start, 'shops/[id]': Shop };

afterEach(() => act(() => setNetwork(true)));

describe('Screen', () => {
  it('heads its content with its title and what goes beside it, with no way back on the start screen', async () => {
    servicesForTest();
    renderRouter(routes, { initialUrl: '/' });
    expect(await screen.findByRole('heading', { name: 'Shops near you' })).toBeOnTheScreen();
    expect(screen.getByText('Profile')).toBeOnTheScreen();
    expect(screen.getByText('The list')).toBeOnTheScreen();
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('goes back where it came from, or to the start when opened from a link', async () => {
    servicesForTest();
    const app = renderRouter(routes, { initialUrl: '/shops/2' });
    fireEvent.press(await screen.findByRole('button', { name: 'Back' }));
    await waitFor(() => expect(app.getPathname()).toBe('/'));

    act(() => router.push('/shops/1'));
    act(() => router.push('/shops/2'));
    expect(await screen.findByRole('heading', { name: 'Shop 2' })).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(app.getPathname()).toBe('/shops/1'));
  });

  it('says when the phone is offline, and how many actions wait to be sent', async () => {
    const services = servicesForTest();
    services.api.call = () => Promise.reject(new ApiError(0, 'NETWORK_ERROR', 'No connection to the server'));
    renderRouter(routes, { initialUrl: '/' });
    await screen.findByText('The list');
    act(() => setNetwork(false));
    expect(await screen.findByRole('alert')).toHaveTextContent("You're offline.");

    const move = transitionParams({ id: ORDER, status: initialStatus, version: 1 }, 'customer', { to: 'CANCELLED' });
    await act(() => services.queue.enqueue('transitionOrder', orderLane(ORDER), move));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "You're offline. 1 action will be sent when you're back online.",
    );
  });
});
