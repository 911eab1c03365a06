import type { AppName, DevicePlatform } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';

/**
 * What each person should be told. Rows are written (at least once, kept once by `dedupe_key`)
 * by the modules that have news; delivering them by push is this module's business.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Names the news (an order's event, say): the same news for the same person is one row. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the person opened it (in the list, or the order it is about); null while unread. */
    readAt: timestamp('read_at', { withTimezone: true }),
    /** When its pushes were handed to the push service (or given up); null: waiting in the outbox. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Push tries so far, and when the next may run (a claim leases it; a failure backs it off). */
    pushAttempts: integer('push_attempts').notNull().default(0),
    pushDueAt: timestamp('push_due_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} IS NULL`),
    index('notifications_outbox_idx').on(t.createdAt).where(sql`${t.sentAt} IS NULL`),
  ],
);

/** A phone that receives pushes: an app installed and signed in there. A token belongs to one person. */
export const devices = pgTable(
  'devices',
  {
    expoPushToken: text('expo_push_token').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The login (refresh-token family) it registered under: signing out of it removes the device. */
    sessionId: uuid('session_id').notNull(),
    platform: text('platform').$type<DevicePlatform>().notNull(),
    app: text('app').$type<AppName>().notNull(),
    locale: text('locale').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('devices_user_idx').on(t.userId), index('devices_session_idx').on(t.sessionId)],
);

/**
 * One push of a notification to one phone: the ticket Expo answered with, then its receipt.
 * A row exists once the push service took (or refused) the message, so a retry never sends it twice.
 */
export const pushMessages = pgTable(
  'push_messages',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    /** No foreign key: the device may be gone (DeviceNotRegistered) while its history stays. */
    expoPushToken: text('expo_push_token').notNull(),
    /** The ticket: 'ok' with its id, 'error' with Expo's error code, or 'logged' (not sent: no push service). */
    ticketStatus: text('ticket_status').$type<'ok' | 'error' | 'logged'>().notNull(),
    ticketId: text('ticket_id'),
    ticketError: text('ticket_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    /** The receipt, once fetched: 'ok' (handed to FCM or APNs) or 'error' with its code. */
    receiptStatus: text('receipt_status').$type<'ok' | 'error'>(),
    receiptError: text('receipt_error'),
    receiptCheckedAt: timestamp('receipt_checked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.notificationId, t.expoPushToken] }),
    index('push_messages_receipt_due_idx')
      .on(t.sentAt)
      .where(sql`${t.ticketId} IS NOT NULL AND ${t.receiptCheckedAt} IS NULL`),
  ],
);

/**
 * Text messages sent when a push may not be enough (a shop that has not seen a new order, a rider
 * whose app is not connected): at most one per order and person, whatever happens.
 */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Why it was sent: the template it used. */
    purpose: text('purpose').$type<'new_order' | 'offer'>().notNull(),
    templateId: text('template_id').notNull(),
    status: text('status').$type<'sending' | 'sent' | 'failed'>().notNull(),
    /** The gateway's id for the message (its request id), once it took it. */
    gatewayRef: text('gateway_ref'),
    /** The gateway's error code and message when it refused. */
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('sms_messages_once').on(t.orderId, t.userId)],
);

/** Short links an SMS carries (`/s/:code`), each opening one page of a web app. */
export const shortLinks = pgTable('short_links', {
  code: text('code').primaryKey(),
  /** Where it leads: a path on this server, such as /seller/orders/<id>. */
  path: text('path').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
