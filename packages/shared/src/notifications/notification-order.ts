import type { Notification } from '../contract/notifications';

/** The order a notification is about, if it is about one (`data.order_id`). */
export function notificationOrderId(notification: Notification): string | undefined {
  const id = notification.data.order_id;
  return typeof id === 'string' ? id : undefined;
}
