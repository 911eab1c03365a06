import { Screen } from '@kupwara/shared/ui';
import { messages } from '../../../src/messages';

/** The orders tab (built by the orders part of the app). */
export default function OrdersTab() {
  return (
    <Screen title={messages.orders.title} back={false}>
      {null}
    </Screen>
  );
}
