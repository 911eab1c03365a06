import type { AppName, DevicePlatform } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} IS NULL`),
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
