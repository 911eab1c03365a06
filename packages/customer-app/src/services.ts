import type { Order, PlaceOrderRequest } from '@kupwara/shared';
import { createAppServices, orderKeys } from '@kupwara/shared/app';
import type { ActionKind, ApiError } from '@kupwara/shared/client';
import { describeCartConflict } from './features/cart/cart-conflict';
import type { CartLine } from './features/cart/cart-store';
import { createCustomerStores } from './features/customer-stores';

/** An order as the customer made it: the request, and the cart they saw (to give back if refused). */
export type PlaceOrder = { body: PlaceOrderRequest; shop: { id: string; name: string }; lines: CartLine[] };

declare module '@kupwara/shared/app' {
  interface AppActionKinds {
    placeOrder: ActionKind<PlaceOrder, Order>;
  }
}

/**
 * The customer app's services. Placing orders goes through the action queue (cancelling too, as
 * every app's `transitionOrder`), so a tap made offline is kept and sent (once) when the network is back.
 */
export function createCustomerServices() {
  return createAppServices('customer', {
    stores: createCustomerStores,
    actions: ({ api, queryClient }) => ({
      // Optimistic with feedback: the order shows as "waiting for network" until the server has it.
      placeOrder: {
        send: ({ body }, idempotencyKey) => api.call('placeOrder', { body, idempotencyKey }),
        settle: (order) => {
          queryClient.setQueryData(orderKeys.detail(order.id), order);
          void queryClient.invalidateQueries({ queryKey: orderKeys.list() });
        },
        conflict: (error: ApiError) => describeCartConflict(error).message,
      },
    }),
  });
}

export type CustomerServices = ReturnType<typeof createCustomerServices>;
