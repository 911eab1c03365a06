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
    setupIntro: 'Tell customers where you are and what you sell. You can change all of it later.',
    name: 'Shop name',
    phone: 'Shop phone (customers and riders call it)',
    address: 'Address (street, landmark)',
    point: 'Where the shop is',
    pointHint: 'Riders come to this point. Use your location, or tap the plan where the shop is.',
    useLocation: 'Use my current location',
    locating: 'Finding you…',
    locationDenied: 'Location is off for this app: tap the plan where the shop is instead.',
    pointHere: 'The shop is here',
    mapLabel: 'Plan around the shop: tap where the shop is',
    pointAt: (lat: number, lng: number) => `Point: ${lat.toFixed(5)}, ${lng.toFixed(5)}`,
    radius: 'Delivery radius (km)',
    minOrder: 'Minimum order (₹, 0 for none)',
    categories: 'What you sell',
    create: 'Open my shop',
    save: 'Save changes',
    saved: 'Saved',
    conflict: 'Your shop was changed on another device: here it is as it is now. Make your change again.',
    invalid: {
      name: 'Give the shop a name',
      address: 'Give the address',
      radius: 'A radius from 0.5 to 25 km',
      minOrder: 'A whole number of rupees',
      phone: 'A phone number, such as 94191 00001',
    },
    photos: 'Logo and cover photo',
    logo: 'Logo',
    cover: 'Cover photo',
    choosePhoto: (kind: string) => `Choose ${kind}`,
    takePhoto: (kind: string) => `Take ${kind}`,
    uploading: (percent: number) => `Uploading the photo… ${percent}%`,
    uploadFailed: 'The photo could not be uploaded: try again',
    details: 'Shop details',
    hoursTitle: 'Opening hours',
    hours: {
      closed: 'Closed',
      wholeDay: 'Open 24 hours',
      intervals: 'Hours',
      opens: 'Opens',
      closes: 'Closes',
      addInterval: 'Add hours',
      remove: 'Remove',
      sameAsMonday: 'Same as Monday',
      copyToAll: 'Copy Monday to every day',
      fridayBreak: 'Friday prayer break 13:00–14:30',
      badTime: 'Times like 09:30; closing may be 24:00',
      tooMany: 'Up to four intervals a day',
      save: 'Save hours',
      days: {
        mon: 'Monday',
        tue: 'Tuesday',
        wed: 'Wednesday',
        thu: 'Thursday',
        fri: 'Friday',
        sat: 'Saturday',
        sun: 'Sunday',
      },
    },
    status: {
      open: 'Open',
      closed: 'Closed',
      switchLabel: 'Taking orders',
      outsideHours: 'Outside hours',
      busy: 'Busy mode',
      paused: (until: string) => `Paused until ${until}`,
      extra: (minutes: number, until: string) => `+${minutes} min until ${until}`,
    },
    busy: {
      title: 'Busy mode',
      off: 'Not busy: orders come in as usual.',
      pausedNow: (until: string) => `New orders are paused until ${until}.`,
      extraNow: (minutes: number, until: string) => `${minutes} minutes are added to preparation until ${until}.`,
      extraHint: 'Extra time ends by itself after an hour, or when the shop closes.',
      add15: 'Add 15 min to preparation',
      add30: 'Add 30 min to preparation',
      pause30: 'Pause new orders for 30 min',
      pause60: 'Pause new orders for 1 hour',
      pauseTomorrow: 'Pause until tomorrow’s opening',
      endNow: 'End now',
      failed: 'Busy mode could not be changed: try again',
    },
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
