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
