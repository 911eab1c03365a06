import { EarningsScreen } from '../../../src/features/earnings/EarningsScreen';

export default function EarningsTab() {
  return <EarningsScreen />;
}
