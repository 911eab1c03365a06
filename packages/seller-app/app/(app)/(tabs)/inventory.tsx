import { Screen } from '@kupwara/shared/ui';
import { messages } from '../../../src/messages';

/** The inventory tab (built by the inventory part of the app). */
export default function InventoryTab() {
  return (
    <Screen title={messages.inventory.title} back={false}>
      {null}
    </Screen>
  );
}
