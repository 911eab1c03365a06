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
  /** When the person marked it read; null while unread. */
  read_at: timestamp.nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationList = z.object({
  items: z.array(notification),
  next_cursor: z.string().nullable(),
  /** Unread notifications in all (not only this page): the badge on the app's bell. */
  unread_count: z.number().int().min(0),
});

export const notificationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});

/** Marks these read (the person's own; others' ids are ignored, not told apart). */
export const markNotificationsReadRequest = z.object({ ids: z.array(id).min(1).max(100) });

/** Marks every notification up to and including this one read (the newest the app has shown); all when absent. */
export const markAllNotificationsReadRequest = z.object({ up_to: id.optional() });

export const unreadCount = z.object({ unread_count: z.number().int().min(0) });

/** The three apps; a device belongs to one. */
export const appName = z.enum(['customer', 'seller', 'rider']);
export type AppName = z.infer<typeof appName>;

export const devicePlatform = z.enum(['android', 'ios']);
export type DevicePlatform = z.infer<typeof devicePlatform>;

/** The token Expo gives an app for its push service: `ExponentPushToken[…]` or `ExpoPushToken[…]`. */
export const expoPushToken = z
  .string()
  .max(200)
  .regex(
    /^Expo(nent)?PushToken\[[\w-]{8,160}\]$/,
    'must be an Expo push token such as ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]',
  );

/** A language tag such as `en`, `ur`, `hi` or `en-IN`: pushes and SMS are written in it once catalogs exist. */
export const locale = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'must be a language tag such as en, ur or hi-IN');

export const registerDeviceRequest = z.object({
  expo_push_token: expoPushToken,
  platform: devicePlatform,
  app: appName,
  locale: locale.default('en'),
});
export type RegisterDeviceRequest = z.infer<typeof registerDeviceRequest>;

export const device = z.object({
  expo_push_token: expoPushToken,
  platform: devicePlatform,
  app: appName,
  locale: z.string(),
  created_at: timestamp,
});
export type Device = z.infer<typeof device>;

export const deviceParams = z.object({ token: expoPushToken });
