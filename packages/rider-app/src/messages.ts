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
    heading: 'New delivery',
    toShop: (distance: string) => `${distance} to the shop`,
    toCustomer: (distance: string) => `then ${distance} to the customer`,
    youEarn: 'You earn',
    collectCash: (amount: string) => `Collect ${amount} cash`,
    paidAlready: 'Paid already',
    items: (count: number) => (count === 1 ? '1 item' : `${count} items`),
    secondsLeft: (seconds: number) => `${seconds} s left`,
    timeLeft: (seconds: number) => `${seconds} seconds left to answer`,
    accept: 'Accept',
    decline: 'Decline',
    acceptLabel: (shop: string, earning: string) => `Accept the delivery from ${shop}, earn ${earning}`,
    declineLabel: (shop: string) => `Decline the delivery from ${shop}`,
    offline: 'No connection: the offer is live, accept it once you have signal',
    failed: 'Could not reach the server: try again',
    takenByOther: 'Someone else took it',
    ended: 'This offer has ended',
    expired: 'Offer expired',
    declined: 'Offer declined',
    soundBlocked: 'Sound is off in this browser: tap anywhere to hear offers',
    waiting: 'Waiting for orders near you…',
    waitingHint: 'While you are online, a delivery offered to you rings and shows here.',
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
