import { NotificationsScreen } from '@kupwara/shared/app';
import { leadsTo } from '../../src/features/notifications/leads-to';
import { messages } from '../../src/messages';

/** What the customer was told about their orders; each opens its order. */
export default function Notifications() {
  return <NotificationsScreen words={messages.notifications} leadsTo={leadsTo} />;
}
