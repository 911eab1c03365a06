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
    today: 'Earned today',
    week: 'This week',
    weekHint: 'The last 7 days, today included',
    cashToday: (amount: string) => `Cash collected today ${amount}`,
    cashHeld: (amount: string) => `Cash you hold ${amount}`,
    cashHeldHint: 'Hand it over at settlement.',
    days: { today: 'Today', yesterday: 'Yesterday' },
    /** One delivery, as a screen reader says it. */
    line: (time: string, shop: string, distance: string, earned: string, cash: string | null) =>
      `${time}, ${shop}, ${distance}: earned ${earned}${cash ? `, cash collected ${cash}` : ''}`,
    cash: (amount: string) => `Cash ${amount}`,
    metres: (metres: number) => (metres < 1000 ? `${metres} m` : `${(metres / 1000).toFixed(1)} km`),
    deliveries: (count: number) => (count === 1 ? '1 delivery' : `${count} deliveries`),
    empty: 'No deliveries yet this week',
    emptyHint: 'Go online on the Work tab: what you earn for each delivery shows here.',
    loading: 'Loading your earnings',
    failed: 'Your earnings could not be loaded',
    stale: 'These figures may be out of date: they could not be refreshed.',
    retry: 'Try again',
  },
  history: {
    title: 'History',
    row: (when: string, shop: string, items: string, total: string, status: string | null) =>
      `${when}, ${shop}, ${items}, ${total}${status ? `, ${status}` : ''}`,
    items: (count: number) => (count === 1 ? '1 item' : `${count} items`),
    empty: 'No deliveries yet',
    emptyHint: 'Every delivery you make shows here, newest first.',
    loading: 'Loading your deliveries',
    loadingMore: 'Loading older deliveries',
    failed: 'Your deliveries could not be loaded',
    failedMore: 'Older deliveries could not be loaded.',
    retry: 'Try again',
  },

  // ── more: profile, notifications, signing out ──
  more: {
    title: 'More',
    profile: 'Your profile',
    vehicle: (vehicle: string) => `Delivers by: ${vehicle}`,
    notifications: 'Notifications',
    notificationsHint: 'What you were told about your deliveries',
    /** Signing out with delivery steps still on the phone: the shop and the customer would never hear of them. */
    unsent: (count: number) =>
      `${count === 1 ? '1 step you took has' : `${count} steps you took have`} not been sent yet, such as a pickup or a hand-over. If you sign out now, ${count === 1 ? 'it' : 'they'} will be lost and the shop and the customer will not know.`,
  },
  notifications: {
    title: 'Notifications',
    empty: 'Nothing yet',
    emptyHint: 'Changes to your deliveries and messages about them show here.',
  },
};
