import { NotificationsScreen, notificationOrderId } from '@kupwara/shared/app';
import { messages } from '../../src/messages';

/** What the rider was told about their deliveries; each opens its delivery. */
export default function Notifications() {
  return (
    <NotificationsScreen
      words={messages.notifications}
      leadsTo={(notification) => {
        const orderId = notificationOrderId(notification);
        return orderId ? `/delivery/${orderId}` : undefined;
      }}
    />
  );
}
