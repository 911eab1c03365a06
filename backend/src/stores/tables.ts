import type { OpeningHours } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { geographyPoint } from '../platform/geography';
import type { StoredImage } from '../platform/media/stored-image';

const nineToNine = { open: '09:00', close: '21:00' };
export const defaultOpeningHours: OpeningHours = {
  sun: [nineToNine],
  mon: [nineToNine],
  tue: [nineToNine],
  wed: [nineToNine],
  thu: [nineToNine],
  fri: [nineToNine],
  sat: [nineToNine],
};

/** A seller's shop. A seller has one; the catalog grows around it. */
export const stores = pgTable(
  'stores',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    phone: text('phone'),
    address: text('address').notNull(),
    location: geographyPoint('location').notNull(),
    deliveryRadiusM: integer('delivery_radius_m').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Kolkata'),
    openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull().default(defaultOpeningHours),
    /** The seller's own switch: closed for a wedding, out for the day. Hours apply only while true. */
    isAcceptingOrders: boolean('is_accepting_orders').notNull().default(true),
    /** The ways of paying the shop takes: cash to the rider, online through the gateway (when the platform has one). */
    acceptsCash: boolean('accepts_cash').notNull().default(true),
    acceptsOnline: boolean('accepts_online').notNull().default(true),
    /** Busy mode: new orders refused until then (the server compares with now: it lifts by itself). */
    pausedUntil: timestamp('paused_until', { withTimezone: true }),
    /** Busy mode: minutes added to preparation until `extraPrepUntil`. */
    extraPrepMinutes: integer('extra_prep_minutes').notNull().default(0),
    extraPrepUntil: timestamp('extra_prep_until', { withTimezone: true }),
    ratingAvg: real('rating_avg').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    categorySlugs: text('category_slugs').array().notNull().default(sql`'{}'::text[]`),
    minOrderPaise: integer('min_order_paise').notNull().default(0),
    logo: jsonb('logo').$type<StoredImage>(),
    cover: jsonb('cover').$type<StoredImage>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stores_seller_key').on(t.sellerId),
    index('stores_location_gist').using('gist', t.location),
    index('stores_categories_gin').using('gin', t.categorySlugs),
    index('stores_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);
