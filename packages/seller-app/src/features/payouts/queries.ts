import { useServices } from '@kupwara/shared/app';
import { useQuery } from '@tanstack/react-query';

/** The ranges the screen offers, in days. */
export const payoutRanges = [7, 30] as const;
export type PayoutRange = (typeof payoutRanges)[number];

/** The cache keys of what the shop is owed, one per range. */
export const payoutKeys = {
  all: () => ['payouts'] as const,
  range: (days: PayoutRange) => ['payouts', days] as const,
};

/**
 * What the shop is owed per day for the last `days` days. Offline pattern: none (the figures last
 * seen, persisted with the cache, are fine to show offline, with a line saying they may be old).
 */
export function usePayouts(days: PayoutRange) {
  const { api } = useServices();
  return useQuery({
    queryKey: payoutKeys.range(days),
    queryFn: ({ signal }) => api.call('sellerPayouts', { query: { days }, signal }),
    // Money: asked again whenever the screen opens.
    refetchOnMount: 'always',
  });
}
