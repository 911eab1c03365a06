import { Screen } from '@kupwara/shared/ui';
import { messages } from '../../../src/messages';

/** The shop tab (built by the shop part of the app). */
export default function ShopTab() {
  return (
    <Screen title={messages.shop.title} back={false}>
      {null}
    </Screen>
  );
}
