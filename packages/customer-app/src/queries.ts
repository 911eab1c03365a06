import { orderQueryKey, useServices } from '@kupwara/shared/app';
import type { CallOutput, Place } from '@kupwara/shared/client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';

/** Shops that deliver to `place`, nearest first (searching their names and products with `q`). */
export function useNearbyStores(place: Place | null, q: string, category: string | undefined) {
  const { api } = useServices();
  const search = q.trim();
  return useQuery({
    queryKey: ['stores', place?.lat, place?.lng, search, category],
    enabled: Boolean(place),
    queryFn: ({ signal }) =>
      api.call('nearbyStores', {
        query: { lat: place?.lat, lng: place?.lng, q: search || undefined, category, limit: 50 },
        signal,
      }),
  });
}

/** The kinds of shop, for the chips above the list (they change rarely: a day's cache). */
export function useCategories() {
  const { api } = useServices();
  return useQuery({
    queryKey: ['categories'],
    staleTime: 24 * 3600_000,
    queryFn: ({ signal }) => api.call('categories', { signal }),
  });
}

export function useStore(id: string) {
  const { api } = useServices();
  return useQuery({
    queryKey: ['store', id],
    queryFn: ({ signal }) => api.call('getStore', { params: { id }, signal }),
  });
}

/** A shop's products, a page of 100 at a time as the list nears its end. */
export function useProducts(storeId: string, category?: string) {
  const { api } = useServices();
  return useInfiniteQuery({
    queryKey: ['products', storeId, category],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: CallOutput<'storeProducts'>) => page.next_cursor ?? undefined,
    queryFn: ({ signal, pageParam }) =>
      api.call('storeProducts', {
        params: { id: storeId },
        query: { limit: 100, cursor: pageParam, category },
        signal,
      }),
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

export function useNotifications() {
  const { api } = useServices();
  return useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api.call('notifications', { query: { limit: 50 }, signal }),
  });
}
