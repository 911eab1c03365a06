import { InventoryScreen } from '../../../src/features/inventory/InventoryScreen';

/** The Stock tab: every product of the shop. */
export default function InventoryTab() {
  return <InventoryScreen />;
}
