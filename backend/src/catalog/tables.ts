import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StoredImage } from '../platform/media/stored-image';
import { stores } from '../stores/tables';

/** A small tree: top-level kinds of shop (grocery, bakery …) and the shelves under them. */
export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('categories_slug_key').on(t.slug)],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    pricePaise: integer('price_paise').notNull(),
    mrpPaise: integer('mrp_paise').notNull(),
    unit: text('unit').notNull(),
    stock: integer('stock').notNull().default(0),
    isAvailable: boolean('is_available').notNull().default(true),
    /** Hidden products are left out of the shop's catalog; the seller still sees them. */
    isVisible: boolean('is_visible').notNull().default(true),
    images: jsonb('images').$type<StoredImage[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Deleted products stay for the orders that name them, hidden from the catalog. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    // The catalog's page order (name, then id) for one store, skipping deleted products.
    index('products_store_page_idx').on(t.storeId, sql`lower(${t.name})`, t.id).where(sql`${t.deletedAt} IS NULL`),
    index('products_store_category_idx').on(t.storeId, t.categoryId),
    index('products_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    check('products_price_positive', sql`${t.pricePaise} > 0`),
    check('products_mrp_at_least_price', sql`${t.mrpPaise} >= ${t.pricePaise}`),
    check('products_stock_not_negative', sql`${t.stock} >= 0`),
  ],
);
