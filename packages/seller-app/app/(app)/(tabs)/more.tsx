import { MoreScreen } from '../../../src/features/more/MoreScreen';

/** Profile, notifications and signing out. */
export default MoreScreen;
