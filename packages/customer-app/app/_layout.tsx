import { AppRoot } from '@kupwara/shared/app';
import type { ReactNode } from 'react';
import { CustomerStoresProvider } from '../src/features/customer-stores';
import { messages } from '../src/messages';
import { type CustomerServices, createCustomerServices } from '../src/services';

function CustomerStores({ services, children }: { services: CustomerServices; children: ReactNode }) {
  return <CustomerStoresProvider stores={services.local}>{children}</CustomerStoresProvider>;
}

export default function RootLayout() {
  return (
    <AppRoot create={createCustomerServices} buster="customer-1" title={messages.appName} around={CustomerStores} />
  );
}
