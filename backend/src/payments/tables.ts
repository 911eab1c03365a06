import { paymentEntryKinds, paymentEntryStatuses, refundReasons } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { orders } from '../orders/tables';

export const paymentKindEnum = pgEnum('payment_kind', paymentEntryKinds);
export const paymentStatusEnum = pgEnum('payment_status', paymentEntryStatuses);
export const refundReasonEnum = pgEnum('refund_reason', refundReasons);

/** The gateway's order for one of ours: made once, when the customer first opens the checkout, and reused by every attempt. */
export const gatewayOrders = pgTable('gateway_orders', {
  orderId: uuid('order_id')
    .primaryKey()
    .references(() => orders.id, { onDelete: 'cascade' }),
  gateway: text('gateway').notNull(),
  gatewayOrderId: text('gateway_order_id').notNull().unique(),
  amountPaise: integer('amount_paise').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The ledger: every payment attempt at the gateway, every refund, every cash collection, one row
 * each, amounts in paise and always positive. A row's status only moves forward.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    kind: paymentKindEnum('kind').notNull(),
    status: paymentStatusEnum('status').notNull(),
    amountPaise: integer('amount_paise').notNull(),
    /** The gateway's ids: its order, its payment (`pay_…`), its refund (`rfnd_…`). */
    gatewayOrderId: text('gateway_order_id'),
    gatewayPaymentId: text('gateway_payment_id'),
    gatewayRefundId: text('gateway_refund_id'),
    /** A refund: the captured charge it gives back (one refund per charge, so one per order and reason). */
    refundOf: uuid('refund_of'),
    reason: refundReasonEnum('reason'),
    /** Cash: the rider who took it. */
    riderId: uuid('rider_id').references(() => users.id, { onDelete: 'restrict' }),
    /** How it was paid at the gateway (upi, card …). */
    instrument: text('instrument'),
    errorCode: text('error_code'),
    errorDescription: text('error_description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payments_amount_positive', sql`${t.amountPaise} > 0`),
    index('payments_order_idx').on(t.orderId, t.createdAt),
    uniqueIndex('payments_charge_once').on(t.gatewayPaymentId).where(sql`${t.kind} = 'charge'`),
    uniqueIndex('payments_refund_once').on(t.refundOf).where(sql`${t.kind} = 'refund'`),
    uniqueIndex('payments_refund_gateway_id').on(t.gatewayRefundId),
    uniqueIndex('payments_cash_once').on(t.orderId).where(sql`${t.kind} = 'cash'`),
    index('payments_rider_cash_idx').on(t.riderId, t.createdAt).where(sql`${t.kind} = 'cash'`),
  ],
);

/** Each webhook the gateway sent, once per event id (a repeat is answered and ignored), processed by a job. */
export const gatewayEvents = pgTable('gateway_events', {
  eventId: text('event_id').primaryKey(),
  gateway: text('gateway').notNull(),
  type: text('type').notNull(),
  payload: jsonb('payload').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp('processed_at', { withTimezone: true }),
});

/** Cash a rider handed over to the platform, recorded by an operator. */
export const cashSettlements = pgTable(
  'cash_settlements',
  {
    id: uuid('id').primaryKey(),
    riderId: uuid('rider_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    amountPaise: integer('amount_paise').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('cash_settlements_amount_positive', sql`${t.amountPaise} > 0`),
    index('cash_settlements_rider_idx').on(t.riderId, t.createdAt),
  ],
);
