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
