import { ApiError } from '@kupwara/shared/client';
import { renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from './harness';

const shop = { id: '01900000-0000-7000-8000-0000000000a1', name: 'Gulzar Kiryana', version: 1 };

describe('the way into the seller app', () => {
  it('sends someone not signed in to sign in', async () => {
    servicesForTest();
    const app = renderRouter(appRoutes, { initialUrl: '/' });
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
    const app = renderRouter(appRoutes, { initialUrl: '/' });
    await waitFor(() => expect(app.getPathname()).toBe('/setup'));
  });

  it("opens a seller's shop on its orders, with every tab at hand", async () => {
    const services = servicesForTest({ getMyStore: () => shop });
    signIn(services);
    const app = renderRouter(appRoutes, { initialUrl: '/' });
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
    renderRouter(appRoutes, { initialUrl: '/' });
    expect(await screen.findByText('Your shop could not be loaded')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
