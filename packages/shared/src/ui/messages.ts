import type { OrderStatus } from '../domain/order-machine';

const actions = (count: number) => (count === 1 ? '1 action' : `${count} actions`);

/** A move to each status: its button, and how a sentence says it was made ("can no longer be …"). */
const orderMove = {
  AWAITING_PAYMENT: { button: 'Pay online', done: 'sent to payment' },
  PENDING: { button: 'Place order', done: 'placed' },
  ACCEPTED: { button: 'Accept order', done: 'accepted' },
  PREPARING: { button: 'Start preparing', done: 'prepared' },
  READY_FOR_PICKUP: { button: 'Ready for pickup', done: 'marked ready for pickup' },
  RIDER_ASSIGNED: { button: 'Assign a rider', done: 'given a rider' },
  PICKED_UP: { button: 'Picked up', done: 'picked up' },
  IN_TRANSIT: { button: 'On my way', done: 'set on its way' },
  DELIVERED: { button: 'Delivered', done: 'delivered' },
  REJECTED: { button: 'Reject order', done: 'rejected' },
  CANCELLED: { button: 'Cancel order', done: 'cancelled' },
  FAILED: { button: 'Mark as failed', done: 'marked as failed' },
} satisfies Record<OrderStatus, { button: string; done: string }>;

const changes = (count: number) => (count === 1 ? '1 change has' : `${count} changes have`);

/**
 * Every word the kit shows or reads aloud, in English. Urdu or Hindi will be another object of type
 * `Messages`; plurals and word order are functions so each language can build its own sentences.
 */
export const messages = {
  close: 'Close',
  back: 'Back',
  loading: 'Loading',
  somethingWrong: 'Something went wrong: try again',
  orderStatus: {
    AWAITING_PAYMENT: 'Waiting for payment',
    PENDING: 'Placed',
    ACCEPTED: 'Accepted',
    PREPARING: 'Preparing',
    READY_FOR_PICKUP: 'Ready for pickup',
    RIDER_ASSIGNED: 'Rider assigned',
    PICKED_UP: 'Picked up',
    IN_TRANSIT: 'On the way',
    DELIVERED: 'Delivered',
    REJECTED: 'Rejected',
    CANCELLED: 'Cancelled',
    FAILED: 'Failed',
  } satisfies Record<OrderStatus, string>,
  orderMove: {
    button: (to: OrderStatus) => orderMove[to].button,
    waiting: (to: OrderStatus) => `${orderMove[to].button}: waiting to be sent`,
    /** The order moved on before the person's move reached it, to where the move no longer applies. */
    refused: (now: OrderStatus, to: OrderStatus): string =>
      `This order is already ${messages.orderStatus[now].toLowerCase()}, so it can no longer be ${orderMove[to].done}.`,
    /** Only its version moved on (a rider was found, say): the move may still be right. */
    changed: 'This order changed since you saw it: have a look and try again.',
    cancelledUnsent: 'Your order was cancelled before it was sent.',
    tooLate: 'Your order may have reached the shop already: once it shows in your orders, you can cancel it there.',
    retry: 'Try again',
    dismiss: 'OK',
  },
  /** What a screen reader says for one step of an order's timeline. */
  timelineStep: {
    done: (step: string, time: string | undefined) => (time ? `${step}, done at ${time}` : `${step}, done`),
    current: (step: string, time: string | undefined) =>
      time ? `${step}, current step, since ${time}` : `${step}, current step`,
    upcoming: (step: string) => `${step}, to come`,
    ended: (step: string, time: string | undefined, reason: string | undefined) =>
      [time ? `${step} at ${time}` : step, reason].filter(Boolean).join('. '),
  },
  price: {
    changed: (now: string, was: string) => `${now}, was ${was}`,
  },
  /** The buttons that change how many of a product: each is spoken with the product's name. */
  stepper: {
    add: 'Add',
    addOne: (name: string) => `Add ${name}`,
    more: (name: string) => `One more ${name}`,
    less: (name: string) => `One less ${name}`,
    count: (quantity: number) => `${quantity} in cart`,
  },
  order: {
    total: 'Total',
    call: { store: 'Call the shop', rider: 'Call the rider', customer: 'Call the customer' },
  },
  offline: {
    offline: "You're offline.",
    willSend: (count: number) => `${actions(count)} will be sent when you're back online.`,
    sending: (count: number) => `Sending ${actions(count)}…`,
  },
  signOut: {
    button: 'Sign out',
    title: 'Sign out?',
    unsent: (count: number) =>
      `${changes(count)} not been sent yet. If you sign out now, ${count === 1 ? 'it' : 'they'} will be lost.`,
    keep: 'Keep waiting',
    discard: 'Sign out and discard',
  },
  /** The Android channels' names, as the phone's notification settings list them. */
  pushChannels: {
    orders: 'New orders',
    offers: 'Delivery offers',
    updates: 'Order updates',
  },
};

export type Messages = typeof messages;
