import { useServices } from '@kupwara/shared/app';
import { useQuery } from '@tanstack/react-query';

/** The cache keys of the seller's own shop, one place for every reader and writer of that cache. */
export const myShopKeys = { shop: () => ['my-shop'] as const };

/** The signed-in seller's shop; a 404 means they have not set one up yet. */
export function useMyShop() {
  const { api } = useServices();
  return useQuery({
    queryKey: myShopKeys.shop(),
    queryFn: ({ signal }) => api.call('getMyStore', { signal }),
  });
}
