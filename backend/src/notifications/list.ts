import type { Notification } from '@kupwara/shared';
import { and, desc, eq, lt } from 'drizzle-orm';
import { decodeIdCursor, encodeCursor } from '../platform/cursor';
import type { Db } from '../platform/db';
import { notifications } from './tables';

/** A person's notifications, newest first (ids are time-ordered), a page at a time. */
export async function listNotifications(db: Db, userId: string, query: { limit: number; cursor?: string | undefined }) {
  const after = query.cursor ? decodeIdCursor(query.cursor) : undefined;
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), after ? lt(notifications.id, after) : undefined))
    .orderBy(desc(notifications.id))
    .limit(query.limit + 1);
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
      }),
    ),
    next_cursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
  };
}
