import { CashScreen } from '../../src/features/cash/CashScreen';

/** The rider's cash in hand, from the Earnings tab or a hand-over's notification. */
export default function Cash() {
  return <CashScreen />;
}
