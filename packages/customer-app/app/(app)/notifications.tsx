import { NotificationsScreen, notificationOrderId } from '@kupwara/shared/app';
import { messages } from '../../src/messages';

/** What the customer was told about their orders; each opens its order. */
export default function Notifications() {
  return (
    <NotificationsScreen
      words={messages.notifications}
      leadsTo={(notification) => {
        const orderId = notificationOrderId(notification);
        return orderId ? `/orders/${orderId}` : undefined;
      }}
    />
  );
}
