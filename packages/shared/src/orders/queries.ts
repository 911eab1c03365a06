import { useQuery } from '@tanstack/react-query';
import { useServices } from '../providers';
import { orderKeys } from './keys';

export { orderKeys };

/** The signed-in person's newest orders: a customer's own, a shop's, or a rider's. */
export function useOrders({ enabled = true }: { enabled?: boolean } = {}) {
  const { api } = useServices();
  return useQuery({
    queryKey: orderKeys.list(),
    enabled,
    queryFn: ({ signal }) => api.call('listOrders', { query: { limit: 50 }, signal }),
  });
}

/** One order with its lines and timeline (the socket keeps it current: see `useOrderLive`). */
export function useOrder(id: string) {
  const { api } = useServices();
  return useQuery({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => api.call('getOrder', { params: { id }, signal }),
  });
}
