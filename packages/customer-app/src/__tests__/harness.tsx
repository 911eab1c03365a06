import { AppProviders } from '@kupwara/shared/app';
import { Stack } from 'expo-router';
import { type CustomerServices, createCustomerServices } from '../services';

/** No server here: a socket that never opens (set when a test file imports this one). */
class NoSocket {
  readyState = 0;
  onopen = null;
  onmessage = null;
  onclose = null;
  onerror = null;
  send() {}
  close() {}
}
(globalThis as { WebSocket?: unknown }).WebSocket = NoSocket;

let current: CustomerServices | undefined;

/** The app's real services for one test; `TestRoot` provides them to the screens. */
export function servicesForTest(): CustomerServices {
  current = createCustomerServices();
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
