import { z } from 'zod';
import { id, timestamp } from './common';

/** Something the person was told (an order moved, a rider is late), newest first in their list. */
export const notification = z.object({
  id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Where it leads, e.g. `{ order_id }`: the app opens that order. */
  data: z.record(z.string(), z.unknown()),
  created_at: timestamp,
});
export type Notification = z.infer<typeof notification>;

export const notificationList = z.object({ items: z.array(notification), next_cursor: z.string().nullable() });

export const notificationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});
