import { InsightsScreen } from '../../../src/features/insights/InsightsScreen';

/** The shop's figures: today, 7 or 30 days. */
export default InsightsScreen;
