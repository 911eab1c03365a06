import type { Order, PlaceOrderRequest } from '@kupwara/shared';
import { createAppServices, orderQueryKey } from '@kupwara/shared/app';
import { type ActionKind, type ApiError, type CartLine, describeCartConflict } from '@kupwara/shared/client';

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
  const services = createAppServices('customer', {
    actions: ({ api, queryClient }) => ({
      // Optimistic with feedback: the order shows as "waiting for network" until the server has it.
      placeOrder: {
        send: ({ body }, idempotencyKey) => api.call('placeOrder', { body, idempotencyKey }),
        settle: (order) => {
          queryClient.setQueryData(orderQueryKey(order.id), order);
          void queryClient.invalidateQueries({ queryKey: ['orders'] });
        },
        conflict: (error: ApiError) => describeCartConflict(error).message,
      },
    }),
    forget: () => {
      services.cart.clear();
      services.place.select(null);
    },
  });
  return services;
}

export type CustomerServices = ReturnType<typeof createCustomerServices>;
