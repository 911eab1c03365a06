import { AppProviders } from '@kupwara/shared/app';
import { ApiError } from '@kupwara/shared/client';
import { installNoSocket } from '@kupwara/shared/testing';
import AsyncStorage from '@react-native-async-storage/async-storage';
import { Stack } from 'expo-router';
import SignedInLayout from '../../app/(app)/_layout';
import ShopTabs from '../../app/(app)/(tabs)/_layout';
import OrdersTab from '../../app/(app)/(tabs)/index';
import InsightsTab from '../../app/(app)/(tabs)/insights';
import InventoryTab from '../../app/(app)/(tabs)/inventory';
import MoreTab from '../../app/(app)/(tabs)/more';
import ShopTab from '../../app/(app)/(tabs)/shop';
import Setup from '../../app/(app)/setup';
import Login from '../../app/login';
import { createSellerServices, type SellerServices } from '../services';

let current: SellerServices | undefined;

// Each test starts on an empty phone (no session, queue or cached answers from the one before),
// and leaves nothing running.
afterEach(async () => {
  current?.queue.close();
  current?.queryClient.clear();
  await AsyncStorage.clear();
});

/**
 * The app's real services for one test, with no server behind them: `answers` names what each
 * API call returns (a call with no answer fails as if offline). `TestRoot` provides them.
 */
export function servicesForTest(answers: Record<string, (input: unknown) => unknown> = {}): SellerServices {
  installNoSocket();
  current = createSellerServices();
  current.api.call = (async (name: string, input: unknown) => {
    const answer = answers[name];
    if (!answer) throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
    return answer(input);
  }) as typeof current.api.call;
  return current;
}

/** Signs the test's seller in (the session as the server would give it). */
export function signIn(services: SellerServices) {
  services.session.store.setState({
    session: {
      access_token: 'a',
      user: { id: 'u1', name: 'Gulzar Ahmad', phone: '+919419100001', role: 'seller' },
    } as never,
    loaded: true,
  });
}

/** The root layout of a test's router: the app's providers around a stack. */
export function TestRoot() {
  if (!current) throw new Error('call servicesForTest() first');
  return (
    <AppProviders services={current} buster="test">
      <Stack screenOptions={{ headerShown: false }} />
    </AppProviders>
  );
}

/** The app's router as a signed-in seller meets it: the shop's five tabs, set-up and signing in. */
export const appRoutes = {
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
