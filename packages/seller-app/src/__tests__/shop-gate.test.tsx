import { ApiError } from '@kupwara/shared/client';
import { renderRouter, screen, waitFor } from 'expo-router/testing-library';
import SignedInLayout from '../../app/(app)/_layout';
import ShopTabs from '../../app/(app)/(tabs)/_layout';
import OrdersTab from '../../app/(app)/(tabs)/index';
import InsightsTab from '../../app/(app)/(tabs)/insights';
import InventoryTab from '../../app/(app)/(tabs)/inventory';
import MoreTab from '../../app/(app)/(tabs)/more';
import ShopTab from '../../app/(app)/(tabs)/shop';
import Setup from '../../app/(app)/setup';
import Login from '../../app/login';
import { servicesForTest, signIn, TestRoot } from './harness';

const routes = {
  _layout: TestRoot,
  '(app)/_layout': SignedInLayout,
  '(app)/(tabs)/_layout': ShopTabs,
  '(app)/(tabs)/index': OrdersTab,
  '(app)/(tabs)/inventory': InventoryTab,
  '(app)/(tabs)/insights': InsightsTab,
  '(app)/(tabs)/shop': ShopTab,
  '(app)/(tabs)/more': MoreTab,
  '(app)/setup': Setup,
  login: Login,
};

const shop = { id: '01900000-0000-7000-8000-0000000000a1', name: 'Gulzar Kiryana', version: 1 };

describe('the way into the seller app', () => {
  it('sends someone not signed in to sign in', async () => {
    servicesForTest();
    const app = renderRouter(routes, { initialUrl: '/' });
    await waitFor(() => expect(app.getPathname()).toBe('/login'));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('sends a seller with no shop yet to set one up', async () => {
    const services = servicesForTest({
      getMyStore: () => {
        throw new ApiError(404, 'NOT_FOUND', 'You have no store yet');
      },
    });
    signIn(services);
    const app = renderRouter(routes, { initialUrl: '/' });
    await waitFor(() => expect(app.getPathname()).toBe('/setup'));
  });

  it("opens a seller's shop on its orders, with every tab at hand", async () => {
    const services = servicesForTest({ getMyStore: () => shop });
    signIn(services);
    const app = renderRouter(routes, { initialUrl: '/' });
    await screen.findByRole('heading', { name: 'Orders' });
    expect(app.getPathname()).toBe('/');
    for (const tab of ['Orders', 'Stock', 'Sales', 'Shop', 'More'])
      expect(screen.getByRole('button', { name: tab })).toBeTruthy();
  });

  it('offers to try again when the shop cannot be loaded', async () => {
    const services = servicesForTest({
      getMyStore: () => {
        throw new ApiError(403, 'FORBIDDEN', 'This account is not a seller');
      },
    });
    signIn(services);
    renderRouter(routes, { initialUrl: '/' });
    expect(await screen.findByText('Your shop could not be loaded')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
