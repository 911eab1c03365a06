import { useServices } from '@kupwara/shared/app';
import type { CallOutput } from '@kupwara/shared/client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Place } from './features/place/place-store';

export { categoryKeys, useCategories } from '@kupwara/shared/app';

/** The cache keys of what the customer browses, one place for every reader and writer of that cache. */
export const shopKeys = {
  nearby: (place: Place | null, q: string, category: string | undefined) =>
    ['stores', place?.lat, place?.lng, q, category] as const,
  detail: (id: string) => ['store', id] as const,
  products: (storeId: string, category: string | undefined) => ['products', storeId, category] as const,
};
export const addressKeys = { all: () => ['addresses'] as const };

/** Shops that deliver to `place`, nearest first (searching their names and products with `q`). */
export function useNearbyStores(place: Place | null, q: string, category: string | undefined) {
  const { api } = useServices();
  const search = q.trim();
  return useQuery({
    queryKey: shopKeys.nearby(place, search, category),
    enabled: Boolean(place),
    queryFn: ({ signal }) =>
      api.call('nearbyStores', {
        query: { lat: place?.lat, lng: place?.lng, q: search || undefined, category, limit: 50 },
        signal,
      }),
  });
}

/** One shop: its address, hours, minimum order and where it is. */
export function useShop(id: string) {
  const { api } = useServices();
  return useQuery({
    queryKey: shopKeys.detail(id),
    queryFn: ({ signal }) => api.call('getStore', { params: { id }, signal }),
    // Opening a shop asks again: it may have paused or closed since (what was kept shows meanwhile).
    refetchOnMount: 'always',
  });
}

/** A shop's products, a page of 100 at a time as the list nears its end. */
export function useProducts(storeId: string, category?: string) {
  const { api } = useServices();
  return useInfiniteQuery({
    queryKey: shopKeys.products(storeId, category),
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

export function useAddresses(enabled: boolean) {
  const { api } = useServices();
  return useQuery({
    queryKey: addressKeys.all(),
    enabled,
    queryFn: ({ signal }) => api.call('listAddresses', { signal }),
  });
}
