import { AppRoot } from '@kupwara/shared/app';
import { messages } from '../src/messages';
import { createSellerServices } from '../src/services';

export default function RootLayout() {
  return <AppRoot create={createSellerServices} buster="seller-1" title={messages.appName} />;
}
