import type { RouteName } from '@kupwara/shared';

/**
 * Who calls, in authorization.test.ts. The plain names play one world (a customer of shop A, its
 * seller, the rider carrying the customer's order); the `other` ones play a second world (shop B,
 * its customer and rider) and meet the first world's things only as someone else's.
 */
export const callers = [
  'nobody',
  'customer',
  'otherCustomer',
  'seller',
  'otherSeller',
  'rider',
  'otherRider',
  'admin',
] as const;
export type Caller = (typeof callers)[number];
export type Row = Record<Caller, number>;

const everyone = (status: number): Row => ({
  nobody: status,
  customer: status,
  otherCustomer: status,
  seller: status,
  otherSeller: status,
  rider: status,
  otherRider: status,
  admin: status,
});
const signedIn = (status: number): Row => ({ ...everyone(status), nobody: 401 });
/** Only these callers pass the route's role check; everyone else signed in is refused with 403. */
const only = (allowed: Partial<Row>): Row => ({ ...signedIn(403), ...allowed });

/**
 * What each caller gets from each route of the route table (every route, nothing else). The
 * request names the first world's thing (its customer's order, shop A's product…) where the route
 * takes one; routes without one act on the caller's own. Someone else's thing is 404, a wrong role
 * 403, nobody 401; a 409 or 422 is a refusal by the state of the thing, after access was granted.
 *
 * The rows run in this order, each row's refusals before its successes, so a write that succeeds
 * never spoils a row below it (destructive ones come last).
 */
export const expected: Record<RouteName, Row> = {
  register: everyone(201),
  login: everyone(200),
  refresh: everyone(200),
  logout: everyone(204),
  getMe: signedIn(200),
  updateMe: signedIn(200),
  listAddresses: only({ customer: 200, otherCustomer: 200 }),
  createAddress: only({ customer: 201, otherCustomer: 201 }),
  updateAddress: only({ customer: 200, otherCustomer: 404 }),
  notifications: signedIn(200),
  markNotificationsRead: signedIn(200),
  markAllNotificationsRead: signedIn(200),
  registerDevice: signedIn(200),
  nearbyStores: everyone(200),
  getStore: everyone(200),
  storeProducts: everyone(200),
  categories: everyone(200),
  // Both sellers have their store already.
  createMyStore: only({ seller: 409, otherSeller: 409 }),
  getMyStore: only({ seller: 200, otherSeller: 200 }),
  updateMyStore: only({ seller: 200, otherSeller: 200 }),
  setBusyMode: only({ seller: 200, otherSeller: 200 }),
  uploadStoreImage: only({ seller: 201, otherSeller: 201 }),
  sellerProducts: only({ seller: 200, otherSeller: 200 }),
  createProduct: only({ seller: 201, otherSeller: 201 }),
  updateProduct: only({ seller: 200, otherSeller: 404 }),
  setStock: only({ seller: 200, otherSeller: 404 }),
  uploadProductImage: only({ seller: 201, otherSeller: 404 }),
  getMyAnalytics: only({ seller: 200, otherSeller: 200 }),
  sellerPayouts: only({ seller: 200, otherSeller: 200 }),
  placeOrder: only({ customer: 201, otherCustomer: 201 }),
  listOrders: signedIn(200),
  getOrder: { ...signedIn(404), customer: 200, seller: 200, rider: 200, admin: 200 },
  sellerOrderRider: only({ seller: 200, otherSeller: 404 }),
  markOrderSeen: only({ seller: 200, otherSeller: 404 }),
  riderStatusNow: only({ rider: 200, otherRider: 200 }),
  setRiderStatus: only({ rider: 200, otherRider: 200 }),
  sendLocations: only({ rider: 200, otherRider: 200 }),
  riderAssignments: only({ rider: 200, otherRider: 200 }),
  riderEarnings: only({ rider: 200, otherRider: 200 }),
  riderCash: only({ rider: 200, otherRider: 200 }),
  acceptOffer: only({ rider: 200, otherRider: 404 }),
  declineOffer: only({ rider: 204, otherRider: 404 }),
  // The customer's order is carried by the rider: only the rider may pick it up.
  transitionOrder: { ...signedIn(404), customer: 403, seller: 403, rider: 200, admin: 403 },
  startPayment: only({ customer: 200, otherCustomer: 404 }),
  // A well-formed answer from a checkout that never happened: refused by its signature (400).
  verifyPayment: only({ customer: 400, otherCustomer: 404 }),
  riderCashOfRider: only({ admin: 200 }),
  recordCashSettlement: only({ admin: 201 }),
  deleteProduct: only({ seller: 204, otherSeller: 404 }),
  deleteAddress: only({ customer: 204, otherCustomer: 404 }),
  // A push token is found only among the caller's own devices.
  deleteDevice: { ...signedIn(404), customer: 204 },
};

/**
 * Writes that answer 2xx to someone else and must still leave the database as it was: ids that
 * are not the caller's are skipped, not acted on.
 */
export const withoutEffect: Partial<Record<RouteName, readonly Caller[]>> = {
  markNotificationsRead: ['otherCustomer', 'seller', 'otherSeller', 'rider', 'otherRider', 'admin'],
};

/**
 * Who may see whose secrets (a person's phone, address text, an order's hand-over code). Every
 * person sees their own; beyond that, only the delivery needs them:
 * - the customer's phone: the seller of a shop they ordered from and the rider carrying their order;
 * - the rider's phone: the customer and the seller of the order the rider carries;
 * - an order's delivery address: its customer, its shop (once the order is theirs: not while it
 *   waits for an online payment) and its rider;
 * - a saved address of the address book: only its owner;
 * - a seller's own phone: nobody else (the shop has a phone of its own, which is public);
 * - the hand-over code: only the order's customer, who reads it out at the door (not the rider who
 *   must be told it, nor the operator);
 * - the operator sees every phone and address, for support, but never a hand-over code.
 * authorization.test.ts writes these down as each secret comes to be.
 */
export type SecretKind = 'phone' | 'address' | 'hand-over code';

/**
 * The order routes again, on orders of the first world that not all its parties are party to:
 * the shop does not see an order paid online until it is paid, and a rider who turned an order
 * down never carries it. (Run after the rows above, when the rider has declined.)
 */
export const furtherOrders = {
  unpaid: {
    getOrder: { ...signedIn(404), customer: 200, admin: 200 },
    sellerOrderRider: only({ seller: 404, otherSeller: 404 }),
    markOrderSeen: only({ seller: 404, otherSeller: 404 }),
    // The shop accepting it: not theirs yet. For its customer and the operator no such move exists from here (409).
    transitionOrder: { ...signedIn(404), customer: 409, admin: 409 },
  },
  declined: {
    getOrder: { ...signedIn(404), customer: 200, seller: 200, admin: 200 },
    sellerOrderRider: only({ seller: 200, otherSeller: 404 }),
  },
  delivered: {
    getOrder: { ...signedIn(404), customer: 200, seller: 200, rider: 200, admin: 200 },
  },
} satisfies Record<string, Partial<Record<RouteName, Row>>>;

/** What subscribing to a channel answers each signed-in caller over the websocket. */
export type ChannelAnswer = 'subscribed' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const followedBy = (...allowed: Caller[]): Record<Caller, ChannelAnswer> => ({
  ...(Object.fromEntries(
    callers.map((caller) => [caller, allowed.includes(caller) || caller === 'admin' ? 'subscribed' : 'FORBIDDEN']),
  ) as Record<Caller, ChannelAnswer>),
  // A socket that has not sent its token is refused whatever it asks.
  nobody: 'UNAUTHENTICATED',
});

/** The first world's channels: who may follow each (the operator follows anything). */
export const channelRows = {
  carriedOrder: followedBy('customer', 'seller', 'rider'),
  unpaidOrder: followedBy('customer'),
  shop: followedBy('seller'),
  rider: followedBy('rider'),
};
