import { NotificationsScreen } from '@kupwara/shared/app';
import { leadsTo } from '../../src/features/notifications/leads-to';
import { messages } from '../../src/messages';

/** What the rider was told about their deliveries; each opens its offer or delivery. */
export default function Notifications() {
  return <NotificationsScreen words={messages.notifications} leadsTo={leadsTo} />;
}
