import { PayoutsScreen } from '../../src/features/payouts/PayoutsScreen';

/** What the shop is owed, day by day (from the More tab). */
export default PayoutsScreen;
