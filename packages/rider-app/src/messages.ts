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
    current: 'Your deliveries',
    open: (shop: string, step: string) => `${shop}: ${step}. Open this delivery`,
    items: (count: number) => (count === 1 ? '1 item' : `${count} items`),
    /** What each step of a delivery asks of the rider, on its card and at the top of its screen. */
    step: {
      toShop: 'Go to the shop',
      pickedUp: 'Picked up: start the ride',
      toCustomer: 'Take it to the customer',
      handOver: 'Hand it over',
      confirming: 'Waiting to confirm the code',
      delivered: 'Delivered',
      ended: 'This delivery has ended',
    },
    shop: 'Shop',
    customer: 'Customer',
    landmark: 'Landmark',
    note: 'Note from the customer',
    collect: 'Collect',
    cash: (amount: string) => `Cash on delivery: collect ${amount}`,
    paid: 'Paid already: collect nothing',
    navigate: 'Navigate',
    navigateTo: (place: string) => `Navigate to ${place} in your map app`,
    map: { map: 'Map of the shop, the customer and you', shop: 'Shop', home: 'Customer', rider: 'You' },
    pickedUp: 'Picked up',
    startRide: 'Start the ride',
    atDoor: "I'm at the door",
    code: "Customer's code",
    codeHint: 'Ask the customer for the 4-digit code in their app.',
    collected: (amount: string) => `I have collected ${amount} in cash`,
    deliver: 'Deliver',
    backToRide: 'Back',
    wrongCode: (triesLeft: number) =>
      triesLeft === 1 ? 'Wrong code — 1 try left' : `Wrong code — ${triesLeft} tries left`,
    locked: 'The hand-over is locked — call the shop',
    confirming: 'Waiting to confirm the code — it is checked as soon as you have signal',
    handedOver: 'Handed over',
    done: 'Delivered',
    earned: (amount: string) => `You earned ${amount}`,
    cashCollected: (amount: string) => `Cash collected: ${amount}`,
    backToWork: 'Back to Work',
    dismiss: 'OK',
    loadFailed: 'Could not load this delivery',
    retry: 'Try again',
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
