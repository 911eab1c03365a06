import type { BusyModeRequest, StoreDetails, UpdateStoreRequest } from '@kupwara/shared';
import { useServices } from '@kupwara/shared/app';
import { ApiError } from '@kupwara/shared/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** The cache keys of the seller's own shop, one place for every reader and writer of that cache. */
export const myShopKeys = { shop: () => ['my-shop'] as const, categories: () => ['categories'] as const };

/** The signed-in seller's shop; a 404 means they have not set one up yet. */
export function useMyShop() {
  const { api } = useServices();
  return useQuery({
    queryKey: myShopKeys.shop(),
    queryFn: ({ signal }) => api.call('getMyStore', { signal }),
  });
}

/** The platform's shop categories, for "what you sell". */
export function useCategories() {
  const { api } = useServices();
  return useQuery({
    queryKey: myShopKeys.categories(),
    queryFn: ({ signal }) => api.call('categories', { signal }),
    staleTime: 60 * 60_000,
  });
}

/**
 * Changes to the shop are blocking forms (offline pattern: blocking form): they need the server's
 * answer, and a change against an older version comes back with the shop as it is now, which the
 * cache adopts so the seller sees it and can make their change again.
 */
export function useUpdateShop() {
  const { api } = useServices();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateStoreRequest) => api.call('updateMyStore', { body }),
    onSuccess: (shop) => client.setQueryData(myShopKeys.shop(), shop),
    onError: (error) => {
      const current = conflictingShop(error);
      if (current) client.setQueryData(myShopKeys.shop(), current);
    },
  });
}

/** The shop as the server has it, from a 409 of a stale change. */
export function conflictingShop(error: unknown): StoreDetails | undefined {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return undefined;
  const details = error.details as { current?: StoreDetails } | undefined;
  return details?.current;
}

/** Busy mode (blocking: the seller sees it take effect, or the error). */
export function useSetBusy() {
  const { api } = useServices();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BusyModeRequest) => api.call('setBusyMode', { body }),
    onSuccess: (shop) => client.setQueryData(myShopKeys.shop(), shop),
  });
}
