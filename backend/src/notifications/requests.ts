import type { SQLWrapper } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { newId } from '../platform/ids';
import { enqueue } from '../platform/jobs';
import { pushJob } from './push';
import { notifications } from './tables';
import { render, type TemplateKey, type TemplateValues } from './templates';

export interface NotificationRequest {
  userId: string;
  /** What happened, for whom: the catalog's template, which is also the notification's kind. */
  template: TemplateKey;
  values: TemplateValues;
  /** What the apps need to open it (`order_id` for an order's news). */
  data: Record<string, unknown>;
  dedupeKey: string;
}

/**
 * The statements recording news for people and waking the push sender (await them with
 * executeAsOneStatement, alone or with others): asking twice for the same (person, dedupe key)
 * records it once, and the sender pushes each notification once to each of the person's phones.
 */
export function requestNotifications(db: Db, list: readonly NotificationRequest[]): SQLWrapper[] {
  if (list.length === 0) throw new Error('requestNotifications needs at least one request');
  const rows = list.map(({ template, values, ...request }) => ({
    id: newId(),
    ...request,
    kind: template,
    ...render(template, values),
  }));
  return [db.insert(notifications).values(rows).onConflictDoNothing(), enqueue(db, [pushJob()])];
}
