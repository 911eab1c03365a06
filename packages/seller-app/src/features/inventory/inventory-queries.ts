import type { Product } from '@kupwara/shared';
import { useServices } from '@kupwara/shared/app';
import type { CallOutput } from '@kupwara/shared/client';
import { type InfiniteData, type QueryClient, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';

/** The cache keys of the shop's own products, one place for every reader and writer of that cache. */
export const inventoryKeys = {
  all: () => ['inventory'] as const,
};

/** Pages of 500: a shop of 2,000 products is four requests, the first on screen while the rest come. */
export const INVENTORY_PAGE = 500;

type Pages = InfiniteData<CallOutput<'sellerProducts'>, unknown>;

/**
 * Every product of the shop, hidden and out-of-stock ones too, fetched page after page in the
 * background until the whole inventory is here: searching and filtering then happen on the phone,
 * at once and offline (a stale read is fine: the seller's own edits are laid over it from the queue).
 */
export function useInventory() {
  const { api } = useServices();
  const query = useInfiniteQuery({
    queryKey: inventoryKeys.all(),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: CallOutput<'sellerProducts'>) => page.next_cursor ?? undefined,
    queryFn: ({ signal, pageParam }) =>
      api.call('sellerProducts', { query: { limit: INVENTORY_PAGE, cursor: pageParam }, signal }),
  });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  return query;
}

export const allProducts = (data: Pages | undefined): Product[] => data?.pages.flatMap((page) => page.items) ?? [];

/** The server's product in the cached list: in place of the old one, or first if it is new. */
export function showServerProduct(queryClient: QueryClient, product: Product) {
  queryClient.setQueryData<Pages>(inventoryKeys.all(), (data) => {
    if (!data) return data;
    const known = data.pages.some((page) => page.items.some((item) => item.id === product.id));
    const pages = data.pages.map((page, index) => ({
      ...page,
      items: known
        ? page.items.map((item) => (item.id === product.id ? product : item))
        : index === 0
          ? [product, ...page.items]
          : page.items,
    }));
    return { ...data, pages };
  });
}
