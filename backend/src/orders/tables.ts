import {
  initialStatus,
  orderActors,
  orderEventKinds,
  orderStatuses,
  paymentMethods,
  paymentStates,
  rejectReasons,
} from '@kupwara/shared';
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { geographyPoint } from '../platform/geography';
import { stores } from '../stores/tables';

export const orderStatusEnum = pgEnum('order_status', orderStatuses);
export const orderActorEnum = pgEnum('order_actor', orderActors);
export const orderEventKindEnum = pgEnum('order_event_kind', orderEventKinds);
export const paymentMethodEnum = pgEnum('payment_method', paymentMethods);
export const paymentStateEnum = pgEnum('payment_state', paymentStates);
export const rejectReasonEnum = pgEnum('reject_reason', rejectReasons);

/**
 * One customer's order from one store. The parties' names, phones and places are copied in when
 * they join the order: a receipt shows what was true then, and reading an order touches no other
 * module's tables.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    status: orderStatusEnum('status').notNull().default(initialStatus),
    /** Bumped by every change: a client's stale action is refused rather than applied twice. */
    version: integer('version').notNull().default(1),
    /** The sequence number of the newest order_events row. */
    lastSeq: integer('last_seq').notNull().default(1),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    customerName: text('customer_name').notNull(),
    customerPhone: text('customer_phone').notNull(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'restrict' }),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    storeName: text('store_name').notNull(),
    storePhone: text('store_phone'),
    storeAddress: text('store_address').notNull(),
    storeLocation: geographyPoint('store_location').notNull(),
    riderId: uuid('rider_id').references(() => users.id, { onDelete: 'restrict' }),
    riderName: text('rider_name'),
    riderPhone: text('rider_phone'),
    itemCount: integer('item_count').notNull(),
    subtotalPaise: integer('subtotal_paise').notNull(),
    deliveryFeePaise: integer('delivery_fee_paise').notNull(),
    totalPaise: integer('total_paise').notNull(),
    paymentMethod: paymentMethodEnum('payment_method').notNull(),
    /** Where the order's money stands (the payments module moves it; its ledger has the detail). */
    paymentState: paymentStateEnum('payment_state').notNull(),
    /** Paid online: when the order fails if the gateway has not captured a payment by then. */
    payBy: timestamp('pay_by', { withTimezone: true }),
    /** When the shop got the order: at placement for cash, at capture when paid online. Until then the shop cannot see it. */
    releasedAt: timestamp('released_at', { withTimezone: true }),
    deliveryLabel: text('delivery_label').notNull(),
    deliveryText: text('delivery_text').notNull(),
    deliveryLocation: geographyPoint('delivery_location').notNull(),
    deliveryLandmark: text('delivery_landmark'),
    distanceM: integer('distance_m').notNull(),
    note: text('note'),
    /** The hand-over code the customer reads out; cleared when the order is delivered. Wrong tries are counted and capped. */
    deliveryOtp: text('delivery_otp'),
    otpAttempts: integer('otp_attempts').notNull().default(0),
    /** While PENDING: when the order is cancelled if the shop has not answered (the timeout job's time). */
    answerBy: timestamp('answer_by', { withTimezone: true }),
    /** When someone at the shop first opened or answered it: until then its devices ring. */
    seenByStoreAt: timestamp('seen_by_store_at', { withTimezone: true }),
    /** The shop's preparation time and when it accepted: the customer's ETA comes from them. */
    prepMinutes: integer('prep_minutes'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** Set by the job that put the items back, so a retried job does it once. */
    stockRestoredAt: timestamp('stock_restored_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Each party's list, newest first (ids are time-ordered).
  (t) => [
    index('orders_customer_idx').on(t.customerId, t.id),
    index('orders_seller_idx').on(t.sellerId, t.id),
    index('orders_seller_status_idx').on(t.sellerId, t.status, t.id),
    index('orders_rider_idx').on(t.riderId, t.id),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** The product as it was sold; the catalog may change or delete it later. */
    productId: uuid('product_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    unitPricePaise: integer('unit_price_paise').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.productId] })],
);

/**
 * The order's history: one row per change, numbered 1, 2, 3 … per order (the realtime resume point).
 * Most are moves between states; a change within one (a rider taken early) repeats the state.
 */
export const orderEvents = pgTable(
  'order_events',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    kind: orderEventKindEnum('kind').notNull().default('transition'),
    status: orderStatusEnum('status').notNull(),
    fromStatus: orderStatusEnum('from_status'),
    actor: orderActorEnum('actor').notNull(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    /** A rejection's reason from the list (`reason` holds it in words). */
    reasonCode: rejectReasonEnum('reason_code'),
    /** When the person acted, by their phone's clock (an action may wait offline). */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** When the server committed it. */
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.seq] })],
);
