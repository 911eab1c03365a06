import { useServices } from '@kupwara/shared/app';
import { carriedEndings } from '@kupwara/shared/values';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';

/** The cache keys of what the rider earned and delivered: a delivery finished refreshes both (`all`). */
export const earningsKeys = {
  all: () => ['rider', 'earnings'] as const,
  week: () => ['rider', 'earnings', 'week'] as const,
  history: () => ['rider', 'earnings', 'history'] as const,
};

/** Deliveries a rider made or saw end after taking them: the History tab lists these. */
export const historyStatuses = carriedEndings;
const PAGE = 20;

/**
 * Today's and this week's earnings and cash. Offline pattern: none (the figures last seen are
 * persisted with the cache and shown while offline, with a line saying they may be old).
 */
export function useEarnings() {
  const { api } = useServices();
  return useQuery({
    queryKey: earningsKeys.week(),
    queryFn: ({ signal }) => api.call('riderEarnings', { signal }),
  });
}

/** Every delivery the rider made, newest first, a page at a time. Offline pattern: none, as above. */
export function useDeliveryHistory() {
  const { api } = useServices();
  return useInfiniteQuery({
    queryKey: earningsKeys.history(),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.call('listOrders', {
        query: { status: historyStatuses.join(','), limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}
