import type { Notification } from '../contract/notifications';

/** The order a notification (a row of the list, or a tapped push) is about, if it is about one (`data.order_id`). */
export function notificationOrderId(notification: Pick<Notification, 'data'>): string | undefined {
  const id = notification.data.order_id;
  return typeof id === 'string' ? id : undefined;
}
