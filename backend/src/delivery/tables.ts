import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { orders } from '../orders/tables';
import { geographyPoint } from '../platform/geography';

/** Each rider's newest trusted position: what dispatch searches (nearest first) and followers see. */
export const riderPositions = pgTable(
  'rider_positions',
  {
    riderId: uuid('rider_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    location: geographyPoint('location').notNull(),
    accuracyM: real('accuracy_m'),
    heading: real('heading'),
    speedMps: real('speed_mps'),
    /** The phone's time of the fix. */
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** When a position was last published to the rider's orders (throttled, shared by every API process). */
    broadcastAt: timestamp('broadcast_at', { withTimezone: true }),
  },
  (t) => [index('rider_positions_location_gist').using('gist', t.location)],
);

/** Every fix a rider sent, late ones and implausible ones too (flagged), for the trail of a delivery. */
export const riderTrail = pgTable(
  'rider_trail',
  {
    riderId: uuid('rider_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    location: geographyPoint('location').notNull(),
    accuracyM: real('accuracy_m'),
    heading: real('heading'),
    speedMps: real('speed_mps'),
    /** An impossible jump from the point before it: kept to look at, never taken as the position. */
    flagged: boolean('flagged').notNull().default(false),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One fix per rider per instant: a batch sent twice is stored once.
  (t) => [primaryKey({ columns: [t.riderId, t.recordedAt] })],
);

export const offerStatusEnum = pgEnum('offer_status', ['offered', 'accepted', 'declined', 'expired']);

/** An order offered to one rider at a time, nearest first; each rider is asked once per order. */
export const deliveryOffers = pgTable(
  'delivery_offers',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    riderId: uuid('rider_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: offerStatusEnum('status').notNull().default('offered'),
    distanceM: integer('distance_m').notNull(),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    // One open offer per order, and per rider: two dispatchers cannot offer the same order twice.
    uniqueIndex('delivery_offers_open_order').on(t.orderId).where(sql`${t.status} = 'offered'`),
    uniqueIndex('delivery_offers_open_rider').on(t.riderId).where(sql`${t.status} = 'offered'`),
    uniqueIndex('delivery_offers_order_rider').on(t.orderId, t.riderId),
  ],
);
