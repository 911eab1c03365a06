import AsyncStorage from '@react-native-async-storage/async-storage';
import { Stack } from 'expo-router';
import { ApiError } from '../api/client';
import type { Me } from '../contract/accounts';
import { AppProviders } from '../providers';
import type { AppServices } from '../services';
import { installNoSocket } from './no-socket';

/** What each API call answers in a test, by route name; a call with no answer fails as if offline. */
export type TestAnswers = Record<string, (input: unknown) => unknown>;

/**
 * An app's component-test harness: its real services with no server behind them, the person the
 * tests sign in, and the root layout that provides the services. Each test starts on an empty phone
 * (no session, queue or cached answers from the one before) and leaves nothing running.
 */
export function appHarness<Services extends AppServices>(
  create: () => Services,
  user: Pick<Me, 'id' | 'name' | 'phone' | 'role'>,
) {
  let current: Services | undefined;

  afterEach(async () => {
    current?.queue.close();
    current?.queryClient.clear();
    await AsyncStorage.clear();
  });

  return {
    /** The app's services for one test, answering each API call as `answers` says. */
    servicesForTest(answers: TestAnswers = {}): Services {
      installNoSocket();
      current = create();
      current.api.call = (async (name: string, input: unknown) => {
        const answer = answers[name];
        if (!answer) throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
        return answer(input);
      }) as typeof current.api.call;
      return current;
    },
    /** Signs the test's person in (the session as the server would give it). */
    signIn(services: Services) {
      services.session.store.setState({ session: { access_token: 'a', user } as never, loaded: true });
    },
    /** The root layout of a test's router: the app's providers around a stack. */
    TestRoot() {
      if (!current) throw new Error('call servicesForTest() first');
      return (
        <AppProviders services={current} buster="test">
          <Stack screenOptions={{ headerShown: false }} />
        </AppProviders>
      );
    },
  };
}
