import { AppProviders } from '@kupwara/shared/app';
import { installNoSocket } from '@kupwara/shared/testing';
import { Stack } from 'expo-router';
import { CustomerStoresProvider } from '../features/customer-stores';
import { type CustomerServices, createCustomerServices } from '../services';

let current: CustomerServices | undefined;

/** The app's real services for one test, with no server behind them; `TestRoot` provides them to the screens. */
export function servicesForTest(): CustomerServices {
  installNoSocket();
  current = createCustomerServices();
  return current;
}

/** The root layout of a test's router: the app's providers around a stack. */
export function TestRoot() {
  if (!current) throw new Error('call servicesForTest() first');
  return (
    <AppProviders services={current} buster="test">
      <CustomerStoresProvider stores={current.local}>
        <Stack screenOptions={{ headerShown: false }} />
      </CustomerStoresProvider>
    </AppProviders>
  );
}
