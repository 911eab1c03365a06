import { appHarness } from '@kupwara/shared/testing';
import SignedInLayout from '../../app/(app)/_layout';
import RiderTabs from '../../app/(app)/(tabs)/_layout';
import EarningsTab from '../../app/(app)/(tabs)/earnings';
import HistoryTab from '../../app/(app)/(tabs)/history';
import WorkTab from '../../app/(app)/(tabs)/index';
import MoreTab from '../../app/(app)/(tabs)/more';
import BackgroundLocation from '../../app/(app)/background-location';
import Cash from '../../app/(app)/cash';
import Delivery from '../../app/(app)/delivery/[id]';
import Notifications from '../../app/(app)/notifications';
import Login from '../../app/login';
import Register from '../../app/register';
import { createRiderServices } from '../services';

/** The app's real services for a test with no server (`servicesForTest(answers)`), its rider signed in (`signIn`), and `TestRoot`. */
export const { servicesForTest, signIn, TestRoot } = appHarness(createRiderServices, {
  id: 'r1',
  name: 'Bilal Mir',
  phone: '+919419100009',
  role: 'rider',
});

/** The app's router as a signed-in rider meets it: the four tabs, a delivery, their cash, notifications, the location disclosure and signing in. */
export const appRoutes = {
  _layout: TestRoot,
  '(app)/_layout': SignedInLayout,
  '(app)/(tabs)/_layout': RiderTabs,
  '(app)/(tabs)/index': WorkTab,
  '(app)/(tabs)/earnings': EarningsTab,
  '(app)/(tabs)/history': HistoryTab,
  '(app)/(tabs)/more': MoreTab,
  '(app)/delivery/[id]': Delivery,
  '(app)/cash': Cash,
  '(app)/notifications': Notifications,
  '(app)/background-location': BackgroundLocation,
  login: Login,
  register: Register,
};
