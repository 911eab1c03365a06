import { boolean, index, pgTable, primaryKey, real, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
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
