import { createAppServices } from '@kupwara/shared/app';

/**
 * The seller app's services. Each part of the app declares the actions it queues (sent once, in
 * order, when the network is back) through `AppActionKinds` and adds its handlers here.
 */
export function createSellerServices() {
  return createAppServices('seller', {
    stores: () => ({}),
    actions: () => ({}),
  });
}

export type SellerServices = ReturnType<typeof createSellerServices>;
