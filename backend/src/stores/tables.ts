import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { geographyPoint } from '../platform/geography';

/** A seller's shop. A seller has one; the catalog grows around it. */
export const stores = pgTable(
  'stores',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    address: text('address').notNull(),
    location: geographyPoint('location').notNull(),
    deliveryRadiusM: integer('delivery_radius_m').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('stores_seller_key').on(t.sellerId), index('stores_location_gist').using('gist', t.location)],
);
