import type { Notification } from '@kupwara/shared';
import { and, count, desc, eq, inArray, isNull, lt, lte } from 'drizzle-orm';
import { decodeIdCursor, encodeCursor } from '../platform/cursor';
import type { Db } from '../platform/db';
import { notifications } from './tables';

const unread = (userId: string) => and(eq(notifications.userId, userId), isNull(notifications.readAt));

/** How many of a person's notifications are unread: the badge on the app's bell. */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(unread(userId));
  return row?.n ?? 0;
}

/** A person's notifications, newest first (ids are time-ordered), a page at a time, with the unread count. */
export async function listNotifications(db: Db, userId: string, query: { limit: number; cursor?: string | undefined }) {
  const after = query.cursor ? decodeIdCursor(query.cursor) : undefined;
  const [rows, unreadNow] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), after ? lt(notifications.id, after) : undefined))
      .orderBy(desc(notifications.id))
      .limit(query.limit + 1),
    unreadCount(db, userId),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(
      (row): Notification => ({
        id: row.id,
        kind: row.kind,
        title: row.title,
        body: row.body,
        data: row.data,
        created_at: row.createdAt.toISOString(),
        read_at: row.readAt?.toISOString() ?? null,
      }),
    ),
    next_cursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
    unread_count: unreadNow,
  };
}

/** Marks some of a person's notifications read (ids not theirs change nothing); answers what is left unread. */
export async function markRead(db: Db, userId: string, ids: readonly string[], now = new Date()) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(unread(userId), inArray(notifications.id, [...ids])));
  return { unread_count: await unreadCount(db, userId) };
}

/**
 * Marks every notification read up to one the app showed (ids are time-ordered, so news that came
 * after stays unread), or all of them.
 */
export async function markAllRead(db: Db, userId: string, upTo: string | undefined, now = new Date()) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(unread(userId), upTo ? lte(notifications.id, upTo) : undefined));
  return { unread_count: await unreadCount(db, userId) };
}
