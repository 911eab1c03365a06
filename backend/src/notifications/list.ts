import type { Notification } from '@kupwara/shared';
import { and, desc, eq, lt } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import type { Db } from '../platform/db';
import { invalidField } from '../platform/http/errors';
import { notifications } from './tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A person's notifications, newest first (ids are time-ordered), a page at a time. */
export async function listNotifications(db: Db, userId: string, query: { limit: number; cursor?: string | undefined }) {
  let after: string | undefined;
  if (query.cursor) {
    [after] = decodeCursor(query.cursor, ['string'] as const);
    if (!UUID.test(after)) throw invalidField('querystring.cursor', 'is not a cursor from this list');
  }
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
