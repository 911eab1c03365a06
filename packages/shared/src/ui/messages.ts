import type { OrderStatus } from '../domain/order-machine';

const actions = (count: number) => (count === 1 ? '1 action' : `${count} actions`);

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
};

export type Messages = typeof messages;
