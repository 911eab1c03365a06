import type { Order } from '@kupwara/shared';
import { useOrderLive } from '@kupwara/shared/app';
import { TrackingMap } from '@kupwara/shared/place';
import { messages } from '../../messages';

/** The shop, the customer and the rider as the server last placed them (the platform map on phones, the plan on the web). */
export function DeliveryMap({ order }: { order: Order }) {
  const { position } = useOrderLive(order.id);
  return (
    <TrackingMap
      shop={order.store.location}
      home={order.delivery_address.location}
      rider={position}
      labels={messages.delivery.map}
    />
  );
}
