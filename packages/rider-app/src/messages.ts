import type { VehicleType } from '@kupwara/shared';

/** The rider app's words, in one place so Urdu and Hindi can follow. One section per part of the app. */
export const messages = {
  appName: 'KupwaraCart Rider',
  auth: {
    subtitle: 'Deliver for the shops of your town',
    login: {
      title: 'Sign in to ride',
      phone: 'Phone number',
      password: 'Password',
      submit: 'Sign in',
      toRegister: 'New rider? Create an account',
    },
    register: {
      title: 'Ride with KupwaraCart',
      name: 'Your name',
      submit: 'Create account',
      toLogin: 'Have an account? Sign in',
    },
    vehicle: 'How do you deliver?',
    vehicles: {
      on_foot: 'On foot',
      bicycle: 'Bicycle',
      scooter: 'Scooter',
      motorcycle: 'Motorcycle',
      car: 'Car',
    } satisfies Record<VehicleType, string>,
  },
  tabs: {
    work: 'Work',
    earnings: 'Earnings',
    history: 'History',
    more: 'More',
  },

  // ── shift: the online switch and sharing the rider's location ──
  shift: {
    title: 'Work',
    online: 'You are online — sharing your location',
    offline: 'You are offline',
    /** The online state as the switch draws it: the state big, what it means below. */
    onlineShort: 'You are online',
    sharing: 'Sharing your location',
    goOnline: 'Go online',
    goOffline: 'Go offline',
    goingOnline: 'Going online…',
    goingOffline: 'Going offline…',
    onlineHint: 'Shops near you can offer you deliveries.',
    offlineHint: 'Go online to get delivery offers.',
    checking: 'Checking whether you are online…',
    unknown: 'Could not check whether you are online',
    unknownHint: 'Go online when you have signal.',
    lastSent: (seconds: number) =>
      seconds < 60 ? `Location sent ${seconds} s ago` : `Location sent ${Math.floor(seconds / 60)} min ago`,
    waiting: (count: number) =>
      count === 1 ? '1 position waiting to send' : `${count.toLocaleString('en-IN')} positions waiting to send`,
    needsNetwork: 'You need the internet to go online or offline. Try again when you have signal.',
    failed: 'That did not work. Try again.',
    refused:
      'KupwaraCart Rider needs your location to offer you deliveries near you. Go online again and choose Allow.',
    blocked: 'Location is turned off for KupwaraCart Rider. Open settings, allow location, then go online.',
    blockedWeb: 'Location is blocked for this site. Allow it in your browser’s site settings, then go online.',
    openSettings: 'Open settings',
    locationLost: 'Your phone stopped giving your location. Check that location is on.',
    confirmOffline: {
      title: 'You still carry an order',
      body: 'The customer and the shop will stop seeing where you are. Go offline anyway?',
      yes: 'Go offline',
      no: 'Stay online',
    },
    background: {
      title: 'Background location',
      question: 'Share your location in the background?',
      why: 'While you are online, KupwaraCart Rider shares your location so shops near you can offer you deliveries and customers can see their order coming.',
      whenClosed: 'To keep doing that when your screen is off or you use another app, allow location “all the time”.',
      what: 'What is shared: where you are, how fast you move and when, every few seconds on a delivery and about once a minute otherwise.',
      when: 'It stops as soon as you go offline or sign out. Nothing is shared while you are offline.',
      notice: 'A notification shows whenever your location is being shared.',
      allow: 'Allow',
      notNow: 'Not now',
      notificationTitle: 'KupwaraCart Rider',
      notificationBody: 'KupwaraCart Rider is sharing your location while you are online',
    },
  },

  // ── offers: deliveries offered live, with a sound and a countdown ──
  offers: {
    title: 'Offers',
  },

  // ── delivery: the active delivery, one step per screen ──
  delivery: {
    title: 'Delivery',
  },

  // ── earnings and history ──
  earnings: {
    title: 'Earnings',
  },
  history: {
    title: 'History',
  },

  // ── more: profile, notifications, signing out ──
  more: {
    title: 'More',
  },
  notifications: {
    title: 'Notifications',
    empty: 'Nothing yet',
    emptyHint: 'Changes to your deliveries and messages about them show here.',
  },
};
