/** The seller app's words, in one place so Urdu and Hindi can follow. One section per part of the app. */
export const messages = {
  appName: 'KupwaraCart Seller',
  auth: {
    subtitle: 'Run your shop from your phone or the counter',
    login: {
      title: 'Sign in to your shop',
      phone: 'Phone number',
      password: 'Password',
      submit: 'Sign in',
      toRegister: 'New shop? Create an account',
    },
    register: {
      title: 'Open your shop on KupwaraCart',
      name: 'Your name',
      submit: 'Create account',
      toLogin: 'Have an account? Sign in',
    },
  },
  tabs: {
    orders: 'Orders',
    inventory: 'Stock',
    insights: 'Sales',
    shop: 'Shop',
    more: 'More',
  },
  shopGate: {
    loading: 'Opening your shop…',
    failed: 'Your shop could not be loaded',
    retry: 'Try again',
  },

  // ── orders: the Orders tab, ringing, accepting and rejecting ──
  orders: {
    title: 'Orders',
  },

  // ── order detail: one order, its lines, rider and receipt ──
  order: {
    title: 'Order',
  },

  // ── shop: setting up and running the shop, hours, busy mode ──
  shop: {
    title: 'Your shop',
    setupTitle: 'Set up your shop',
  },

  // ── inventory: the shop's products ──
  inventory: {
    title: 'Stock',
  },

  // ── insights: analytics ──
  insights: {
    title: 'Insights',
  },

  // ── more: profile, notifications, sign out ──
  more: {
    title: 'More',
  },
  notifications: {
    title: 'Notifications',
    empty: 'Nothing yet',
    emptyHint: 'New orders and updates about them appear here.',
  },
};
