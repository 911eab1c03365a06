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

/** Records news for people; asking twice for the same (person, dedupe key) records it once. */
export async function requestNotifications(db: Db, list: readonly NotificationRequest[]): Promise<void> {
  if (list.length === 0) return;
  await db
    .insert(notifications)
    .values(list.map((request) => ({ id: newId(), ...request })))
    .onConflictDoNothing();
}
