import AsyncStorage from '@react-native-async-storage/async-storage';
import { fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../api/client';
import type { Session } from '../contract/accounts';
import { transitionParams } from '../orders/transition-order';
import { AppProviders } from '../providers';
import { type AppServices, createAppServices } from '../services';
import { SignOutButton } from './SignOutButton';

// The first render loads the whole kit (providers, persisted cache, queue): slow on a cold transform cache.
jest.setTimeout(20_000);

// No server here: a socket that never opens.
(globalThis as { WebSocket?: unknown }).WebSocket = class {
  readyState = 0;
  send() {}
  close() {}
};

const cancelling = { to: 'CANCELLED' } as const;
let services: AppServices;
let signedOut: jest.Mock;

beforeEach(async () => {
  services = createAppServices('customer', { stores: () => ({}), actions: () => ({}) });
  // No network: what is queued stays queued.
  services.api.call = (async () => {
    throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
  }) as typeof services.api.call;
  await services.session.setSession({ access_token: 'a', refresh_token: 'r' } as Session);
  signedOut = jest.fn();
});
// Each test starts with an empty queue: what one leaves waiting is saved on the (mock) phone.
afterEach(async () => {
  services.queue.close();
  await AsyncStorage.clear();
});

const move = (id: string) =>
  services.queue.enqueue(
    'transitionOrder',
    `order:${id}`,
    transitionParams({ id, status: 'PENDING', version: 1 }, 'customer', cancelling),
  );
const show = (unsent?: (count: number) => string) =>
  render(
    <AppProviders services={services} buster="test">
      <SignOutButton onSignedOut={signedOut} unsent={unsent} />
    </AppProviders>,
  );

describe('signing out', () => {
  it('signs out at once when nothing is waiting to be sent', async () => {
    show();
    fireEvent.press(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(signedOut).toHaveBeenCalledTimes(1));
    expect(services.session.store.getState().session).toBeNull();
    expect(screen.queryByText('Sign out?')).toBeNull();
  });

  it('asks first when changes are waiting, keeps them on "Keep waiting", and discards them only when told to', async () => {
    await move('01900000-0000-7000-8000-000000000001');
    await move('01900000-0000-7000-8000-000000000002');
    show();
    fireEvent.press(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('header', { name: 'Sign out?' })).toBeOnTheScreen();
    expect(
      screen.getByText('2 changes have not been sent yet. If you sign out now, they will be lost.'),
    ).toBeOnTheScreen();

    fireEvent.press(screen.getByRole('button', { name: 'Keep waiting' }));
    await waitFor(() => expect(screen.queryByText('Sign out?')).toBeNull());
    expect(services.queue.actions()).toHaveLength(2);
    expect(services.session.store.getState().session).not.toBeNull();
    expect(signedOut).not.toHaveBeenCalled();

    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Sign out and discard' }));
    await waitFor(() => expect(signedOut).toHaveBeenCalledTimes(1));
    expect(services.queue.actions()).toEqual([]);
    expect(services.session.store.getState().session).toBeNull();
  });

  it('says "1 change" for one', async () => {
    await move('01900000-0000-7000-8000-000000000001');
    show();
    fireEvent.press(await screen.findByRole('button', { name: 'Sign out' }));
    expect(
      await screen.findByText('1 change has not been sent yet. If you sign out now, it will be lost.'),
    ).toBeOnTheScreen();
  });

  it("says what would be lost in the app's own words", async () => {
    await move('01900000-0000-7000-8000-000000000001');
    await move('01900000-0000-7000-8000-000000000002');
    show((count) => `${count} delivery steps wait`);
    fireEvent.press(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('2 delivery steps wait')).toBeOnTheScreen();
  });
});
