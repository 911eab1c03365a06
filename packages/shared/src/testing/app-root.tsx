import AsyncStorage from '@react-native-async-storage/async-storage';
import { Stack } from 'expo-router';
import { AppProviders } from '../providers';
import { type AppServices, createAppServices } from '../services';
import { installNoSocket } from './no-socket';

let current: AppServices | undefined;

// Each test starts on an empty phone: no session, queued actions or cached answers from the one
// before. Nothing keeps running after it either (a queue retrying, a cache entry's week-long timer).
afterEach(async () => {
  current?.queue.close();
  current?.queryClient.clear();
  await AsyncStorage.clear();
});

/**
 * An app's real services for one test, with no server behind them (replace `api.call` to answer)
 * and the queued actions every app has; `TestRoot` provides them.
 */
export function servicesForTest(): AppServices {
  installNoSocket();
  current = createAppServices('customer', { stores: () => ({}), actions: () => ({}) });
  return current;
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
