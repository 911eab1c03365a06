import { createAppServices } from '@kupwara/shared/app';
import { createPickStore } from './features/order-detail/pick-store';

/**
 * The seller app's services. Each part of the app declares the actions it queues (sent once, in
 * order, when the network is back) through `AppActionKinds` and adds its handlers here.
 */
export function createSellerServices() {
  return createAppServices('seller', {
    // The lines ticked off on the order detail screen, per order.
    stores: ({ storage, key }) => ({ picks: createPickStore(storage, key('picks')) }),
    actions: () => ({}),
  });
}

export type SellerServices = ReturnType<typeof createSellerServices>;
