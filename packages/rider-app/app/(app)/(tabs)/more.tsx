import { MoreScreen } from '../../../src/features/more/MoreScreen';

export default function MoreTab() {
  return <MoreScreen />;
}
