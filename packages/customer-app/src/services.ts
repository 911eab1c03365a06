import type { Order, PlaceOrderRequest } from '@kupwara/shared';
import { createAppServices, orderQueryKey } from '@kupwara/shared/app';
import { type ApiError, type CartLine, describeCartConflict } from '@kupwara/shared/client';

export type CancelOrder = { order_id: string };

/** An order as the customer made it: the request, and the cart they saw (to give back if refused). */
export type PlaceOrder = { body: PlaceOrderRequest; shop: { id: string; name: string }; lines: CartLine[] };

/**
 * The customer app's services. Placing and cancelling orders go through the action queue, so a
 * tap made offline is kept and sent (once) when the network is back.
 */
export function createCustomerServices() {
  return createAppServices('customer', ({ api, queryClient }) => ({
    // Optimistic with feedback: the order shows as "waiting for network" until the server has it.
    placeOrder: {
      send: ({ body }: PlaceOrder, idempotencyKey: string) => api.call('placeOrder', { body, idempotencyKey }),
      settle: (order: Order) => {
        queryClient.setQueryData(orderQueryKey(order.id), order);
        void queryClient.invalidateQueries({ queryKey: ['orders'] });
      },
      conflict: (error: ApiError) => describeCartConflict(error).message,
    },
    cancelOrder: {
      send: ({ order_id }: CancelOrder, idempotencyKey: string) =>
        api.call('transitionOrder', { params: { id: order_id }, body: { to: 'CANCELLED' }, idempotencyKey }),
      apply: ({ order_id }: CancelOrder) =>
        queryClient.setQueryData<Order>(orderQueryKey(order_id), (order) =>
          order ? { ...order, status: 'CANCELLED' } : order,
        ),
      rollback: ({ order_id }: CancelOrder) =>
        void queryClient.invalidateQueries({ queryKey: orderQueryKey(order_id) }),
      settle: (order: Order) => queryClient.setQueryData(orderQueryKey(order.id), order),
      conflict: () => 'The shop has already taken your order, so it can no longer be cancelled.',
    },
  }));
}

export type CustomerServices = ReturnType<typeof createCustomerServices>;
