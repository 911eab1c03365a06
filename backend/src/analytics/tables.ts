import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A flat record of every order event, for a store's figures without touching live order rows. */
export const orderFacts = pgTable(
  'order_facts',
  {
    orderId: uuid('order_id').notNull(),
    seq: integer('seq').notNull(),
    storeId: uuid('store_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    status: text('status').notNull(),
    /** Who made the move (a cancel by the customer, or by the server when the shop did not answer). */
    actor: text('actor'),
    /** The reason given with a rejection, cancellation or failure, in words, as the event stored it. */
    reason: text('reason'),
    /** A rejection's reason from the list (out_of_stock, closing_soon, too_busy, other). */
    reasonCode: text('reason_code'),
    itemCount: integer('item_count').notNull(),
    totalPaise: integer('total_paise').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  // The figures read one store's facts from a point in time on: a range scan of this index, which
  // holds every column they read (an index-only scan; reasons are looked up by key for the few that have one).
  (t) => [
    primaryKey({ columns: [t.orderId, t.seq] }),
    index('order_facts_store_idx').on(t.storeId, t.occurredAt, t.orderId, t.seq, t.status, t.actor, t.totalPaise),
  ],
);

/** The lines of every order as it was placed, for a store's top products. */
export const orderLineFacts = pgTable(
  'order_line_facts',
  {
    orderId: uuid('order_id').notNull(),
    productId: uuid('product_id').notNull(),
    storeId: uuid('store_id').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    linePaise: integer('line_paise').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.productId] }),
    // Holds what the best sellers read, for an index-only range scan.
    index('order_line_facts_store_idx').on(
      t.storeId,
      t.placedAt,
      t.orderId,
      t.productId,
      t.quantity,
      t.linePaise,
      t.name,
    ),
  ],
);
