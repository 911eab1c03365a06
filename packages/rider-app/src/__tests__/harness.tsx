import { AppProviders } from '@kupwara/shared/app';
import { ApiError } from '@kupwara/shared/client';
import { installNoSocket } from '@kupwara/shared/testing';
import AsyncStorage from '@react-native-async-storage/async-storage';
import { Stack } from 'expo-router';
import SignedInLayout from '../../app/(app)/_layout';
import RiderTabs from '../../app/(app)/(tabs)/_layout';
import EarningsTab from '../../app/(app)/(tabs)/earnings';
import HistoryTab from '../../app/(app)/(tabs)/history';
import WorkTab from '../../app/(app)/(tabs)/index';
import MoreTab from '../../app/(app)/(tabs)/more';
import BackgroundLocation from '../../app/(app)/background-location';
import Delivery from '../../app/(app)/delivery/[id]';
import Notifications from '../../app/(app)/notifications';
import Login from '../../app/login';
import Register from '../../app/register';
import { createRiderServices, type RiderServices } from '../services';

let current: RiderServices | undefined;

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
export function servicesForTest(answers: Record<string, (input: unknown) => unknown> = {}): RiderServices {
  installNoSocket();
  current = createRiderServices();
  current.api.call = (async (name: string, input: unknown) => {
    const answer = answers[name];
    if (!answer) throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
    return answer(input);
  }) as typeof current.api.call;
  return current;
}

/** Signs the test's rider in (the session as the server would give it). */
export function signIn(services: RiderServices) {
  services.session.store.setState({
    session: {
      access_token: 'a',
      user: { id: 'r1', name: 'Bilal Mir', phone: '+919419100009', role: 'rider' },
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

/** The app's router as a signed-in rider meets it: the four tabs, a delivery, notifications, the location disclosure and signing in. */
export const appRoutes = {
  _layout: TestRoot,
  '(app)/_layout': SignedInLayout,
  '(app)/(tabs)/_layout': RiderTabs,
  '(app)/(tabs)/index': WorkTab,
  '(app)/(tabs)/earnings': EarningsTab,
  '(app)/(tabs)/history': HistoryTab,
  '(app)/(tabs)/more': MoreTab,
  '(app)/delivery/[id]': Delivery,
  '(app)/notifications': Notifications,
  '(app)/background-location': BackgroundLocation,
  login: Login,
  register: Register,
};
