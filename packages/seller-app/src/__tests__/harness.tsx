import { appHarness } from '@kupwara/shared/testing';
import SignedInLayout from '../../app/(app)/_layout';
import ShopTabs from '../../app/(app)/(tabs)/_layout';
import OrdersTab from '../../app/(app)/(tabs)/index';
import InsightsTab from '../../app/(app)/(tabs)/insights';
import InventoryTab from '../../app/(app)/(tabs)/inventory';
import MoreTab from '../../app/(app)/(tabs)/more';
import ShopTab from '../../app/(app)/(tabs)/shop';
import Payouts from '../../app/(app)/payouts';
import Setup from '../../app/(app)/setup';
import Login from '../../app/login';
import { createSellerServices } from '../services';

/** The app's real services for a test with no server (`servicesForTest(answers)`), its seller signed in (`signIn`), and `TestRoot`. */
export const { servicesForTest, signIn, TestRoot } = appHarness(createSellerServices, {
  id: 'u1',
  name: 'Gulzar Ahmad',
  phone: '+919419100001',
  role: 'seller',
});

/** The app's router as a signed-in seller meets it: the shop's five tabs, what it is owed, set-up and signing in. */
export const appRoutes = {
  _layout: TestRoot,
  '(app)/_layout': SignedInLayout,
  '(app)/(tabs)/_layout': ShopTabs,
  '(app)/(tabs)/index': OrdersTab,
  '(app)/(tabs)/inventory': InventoryTab,
  '(app)/(tabs)/insights': InsightsTab,
  '(app)/(tabs)/shop': ShopTab,
  '(app)/(tabs)/more': MoreTab,
  '(app)/payouts': Payouts,
  '(app)/setup': Setup,
  login: Login,
};
