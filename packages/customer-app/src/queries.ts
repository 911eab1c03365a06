import { orderQueryKey, useServices } from '@kupwara/shared/app';
import type { Place } from '@kupwara/shared/client';
import { useQuery } from '@tanstack/react-query';

/** Shops that deliver to `place`, nearest first (searching their names and products with `q`). */
export function useNearbyStores(place: Place | null, q: string) {
  const { api } = useServices();
  const search = q.trim();
  return useQuery({
    queryKey: ['stores', place?.lat, place?.lng, search],
    enabled: Boolean(place),
    queryFn: ({ signal }) =>
      api.call('nearbyStores', {
        query: { lat: place?.lat, lng: place?.lng, q: search || undefined, limit: 50 },
        signal,
      }),
  });
}

export function useStore(id: string) {
  const { api } = useServices();
  return useQuery({
    queryKey: ['store', id],
    queryFn: ({ signal }) => api.call('getStore', { params: { id }, signal }),
  });
}

export function useProducts(storeId: string) {
  const { api } = useServices();
  return useQuery({
    queryKey: ['products', storeId],
    queryFn: ({ signal }) => api.call('storeProducts', { params: { id: storeId }, query: { limit: 100 }, signal }),
  });
}

export function useOrders() {
  const { api } = useServices();
  return useQuery({
    queryKey: ['orders'],
    queryFn: ({ signal }) => api.call('listOrders', { query: { limit: 50 }, signal }),
  });
}

export function useOrder(id: string) {
  const { api } = useServices();
  return useQuery({
    queryKey: orderQueryKey(id),
    queryFn: ({ signal }) => api.call('getOrder', { params: { id }, signal }),
  });
}

export function useAddresses(enabled: boolean) {
  const { api } = useServices();
  return useQuery({ queryKey: ['addresses'], enabled, queryFn: ({ signal }) => api.call('listAddresses', { signal }) });
}
