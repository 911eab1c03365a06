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
    itemCount: integer('item_count').notNull(),
    totalPaise: integer('total_paise').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.seq] }), index('order_facts_store_idx').on(t.storeId, t.occurredAt)],
);
