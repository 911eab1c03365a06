import type { AnalyticsRange } from '@kupwara/shared';
import { useServices } from '@kupwara/shared/app';
import { useQuery } from '@tanstack/react-query';

/** The cache keys of the shop's figures, one per range. */
export const analyticsKeys = {
  all: () => ['analytics'] as const,
  range: (range: AnalyticsRange) => ['analytics', range] as const,
};

/**
 * The shop's figures for a range. Offline pattern: none (the figures last seen, persisted with the
 * cache, are fine to show while offline); refreshed every minute while the tab is open.
 */
export function useAnalytics(range: AnalyticsRange) {
  const { api } = useServices();
  return useQuery({
    queryKey: analyticsKeys.range(range),
    refetchInterval: 60_000,
    queryFn: ({ signal }) => api.call('getMyAnalytics', { query: { range }, signal }),
  });
}
