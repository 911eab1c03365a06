import { HistoryScreen } from '../../../src/features/earnings/HistoryScreen';

export default function HistoryTab() {
  return <HistoryScreen />;
}
