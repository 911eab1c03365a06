import type { Session } from '@kupwara/shared';
import { act, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { Text } from 'react-native';
import { servicesForTest, TestRoot } from '../testing/app-root';
import { SignedInGate } from './SignedInGate';

const routes = {
  _layout: TestRoot,
  login: () => <Text>Sign in</Text>,
  '(app)/_layout': () => <SignedInGate title="KupwaraCart" />,
  '(app)/index': () => <Text>Your orders</Text>,
};

describe('SignedInGate', () => {
  it('sends someone not signed in to sign in', async () => {
    servicesForTest();
    const app = renderRouter(routes, { initialUrl: '/' });
    await waitFor(() => expect(app.getPathname()).toBe('/login'));
    expect(screen.queryByText('Your orders')).toBeNull();
  });

  it('opens the screens behind it for someone signed in, and closes them when they sign out', async () => {
    const services = servicesForTest();
    services.session.store.setState({ session: { access_token: 'a' } as Session, loaded: true });
    const app = renderRouter(routes, { initialUrl: '/' });
    expect(await screen.findByText('Your orders')).toBeOnTheScreen();
    expect(app.getPathname()).toBe('/');

    await act(() => services.session.logout());
    await waitFor(() => expect(app.getPathname()).toBe('/login'));
  });
});
