import { AppRoot } from '@kupwara/shared/app';
import { messages } from '../src/messages';
import { createRiderServices } from '../src/services';

export default function RootLayout() {
  return <AppRoot create={createRiderServices} buster="rider-1" title={messages.appName} />;
}
