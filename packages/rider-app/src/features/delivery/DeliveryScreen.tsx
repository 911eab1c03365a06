import { Screen } from '@kupwara/shared/ui';
import { messages } from '../../messages';

/** One delivery, one step per screen: to the shop, picked up, on the way, hand-over. */
export function DeliveryScreen(_props: { orderId: string }) {
  return <Screen title={messages.delivery.title}>{null}</Screen>;
}
