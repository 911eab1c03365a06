import type { Db } from '../platform/db';
import { newId } from '../platform/ids';
import { notifications } from './tables';

export interface NotificationRequest {
  userId: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  dedupeKey: string;
}

/**
 * The statement recording news for people (await it, or send it with others through
 * executeAsOneStatement); asking twice for the same (person, dedupe key) records it once.
 */
export function requestNotifications(db: Db, list: readonly NotificationRequest[]) {
  if (list.length === 0) throw new Error('requestNotifications needs at least one request');
  return db
    .insert(notifications)
    .values(list.map((request) => ({ id: newId(), ...request })))
    .onConflictDoNothing();
}
