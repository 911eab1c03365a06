import type { Product } from '@kupwara/shared';
import { createAppServices } from '@kupwara/shared/app';
import type { ActionKind } from '@kupwara/shared/client';
import { showServerProduct } from './features/inventory/inventory-queries';
import { type ProductEdit, productEditHandler } from './features/inventory/product-edits';
import { createPickStore } from './features/order-detail/pick-store';
import { messages } from './messages';

declare module '@kupwara/shared/app' {
  interface AppActionKinds {
    /** A change of one product: the in-stock switch, the stock count, or the editor's fields. */
    editProduct: ActionKind<ProductEdit, Product>;
  }
}

/**
 * The seller app's services. Each part of the app declares the actions it queues (sent once, in
 * order, when the network is back) through `AppActionKinds` and adds its handlers here.
 */
export function createSellerServices() {
  return createAppServices('seller', {
    // The lines ticked off on the order detail screen, per order.
    stores: ({ storage, key }) => ({ picks: createPickStore(storage, key('picks')) }),
    actions: ({ api, queryClient }) => ({
      // Optimistic with feedback: the list shows the edit at once, marked "not sent yet" until the server has it.
      editProduct: productEditHandler({
        api,
        showServerProduct: (product) => showServerProduct(queryClient, product),
        conflictMessage: (product) => messages.inventory.conflictToast(product.name),
      }),
    }),
  });
}

export type SellerServices = ReturnType<typeof createSellerServices>;
