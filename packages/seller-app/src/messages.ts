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
    stages: {
      new: 'New',
      preparing: 'Preparing',
      ready: 'Ready',
      on_the_way: 'On the way',
      done: 'Done today',
    },
    stageWithCount: (stage: string, count: number) => `${stage} (${count})`,
    empty: {
      new: 'No new orders',
      preparing: 'Nothing to prepare',
      ready: 'Nothing waiting for a rider',
      on_the_way: 'Nothing on the way',
      done: 'Nothing finished today yet',
    },
    emptyHint: 'New orders ring here as soon as a customer places them.',
    loadFailed: 'Orders could not be loaded',
    retry: 'Try again',
    unseen: 'New',
    items: (count: number) => (count === 1 ? '1 item' : `${count} items`),
    cancelsIn: (time: string) => `Cancels in ${time}`,
    cancelling: 'Cancelling now…',
    readyBy: (time: string) => `Ready by ${time}`,
    openLabel: (name: string, items: string, total: string) => `Order from ${name}, ${items}, ${total}. Open it`,
    accept: 'Accept',
    reject: 'Reject',
    acceptTitle: 'Ready in how long?',
    prepLabel: 'Preparation time',
    minutes: (minutes: number) => `${minutes} min`,
    acceptWith: (minutes: number) => `Accept, ready in ${minutes} min`,
    rejectTitle: 'Why can’t you take it?',
    rejectLabel: 'Reason',
    reasons: {
      out_of_stock: 'Items out of stock',
      closing_soon: 'Closing soon',
      too_busy: 'Too busy',
      other: 'Other reason',
    },
    otherLabel: 'Tell the customer why',
    rejectConfirm: 'Reject order',
    tapToHear: 'Tap to hear new orders',
    tapToHearHint: 'Your browser plays sound only after a tap on the page.',
    soundBlocked: (count: number) =>
      `${count === 1 ? 'A new order is' : `${count} new orders are`} waiting, but sound is blocked: tap here to hear it`,
    tabWithNew: (count: number) => `Orders, ${count} new`,
    titleAlert: (count: number) => `🔔 ${count} new order${count === 1 ? '' : 's'}`,
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
