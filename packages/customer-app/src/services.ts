import type { Order, PlaceOrderRequest } from '@kupwara/shared';
import { createAppServices, orderKeys } from '@kupwara/shared/app';
import type { ApiError } from '@kupwara/shared/client';
import { describeCartConflict } from './features/cart/cart-conflict';
import type { CartLine } from './features/cart/cart-store';
import { createCustomerStores } from './features/customer-stores';

export type CancelOrder = { order_id: string };

/** An order as the customer made it: the request, and the cart they saw (to give back if refused). */
export type PlaceOrder = { body: PlaceOrderRequest; shop: { id: string; name: string }; lines: CartLine[] };

/**
 * The customer app's services. Placing and cancelling orders go through the action queue, so a
 * tap made offline is kept and sent (once) when the network is back.
 */
export function createCustomerServices() {
  return createAppServices('customer', createCustomerStores, ({ api, queryClient }) => ({
    // Optimistic with feedback: the order shows as "waiting for network" until the server has it.
    placeOrder: {
      send: ({ body }: PlaceOrder, idempotencyKey: string) => api.call('placeOrder', { body, idempotencyKey }),
      settle: (order: Order) => {
        queryClient.setQueryData(orderKeys.detail(order.id), order);
        void queryClient.invalidateQueries({ queryKey: orderKeys.list() });
      },
      conflict: (error: ApiError) => describeCartConflict(error).message,
    },
    cancelOrder: {
      send: ({ order_id }: CancelOrder, idempotencyKey: string) =>
        api.call('transitionOrder', { params: { id: order_id }, body: { to: 'CANCELLED' }, idempotencyKey }),
      apply: ({ order_id }: CancelOrder) =>
        queryClient.setQueryData<Order>(orderKeys.detail(order_id), (order) =>
          order ? { ...order, status: 'CANCELLED' } : order,
        ),
      rollback: ({ order_id }: CancelOrder) =>
        void queryClient.invalidateQueries({ queryKey: orderKeys.detail(order_id) }),
      settle: (order: Order) => queryClient.setQueryData(orderKeys.detail(order.id), order),
      conflict: () => 'The shop has already taken your order, so it can no longer be cancelled.',
    },
  }));
}

export type CustomerServices = ReturnType<typeof createCustomerServices>;
