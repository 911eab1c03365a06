import { useNotifications, useServices } from '@kupwara/shared/app';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { earningsKeys } from '../earnings/queries';

/** The cache key of the rider's cash in hand. */
export const cashKeys = {
  all: () => ['rider', 'cash'] as const,
};

/** The notification an operator's record of a hand-over sends the rider. */
export const cashSettledKind = 'rider.cash_settled';

/**
 * The cash the rider holds, what they collected and what they handed over. Offline pattern: none
 * (the figures last seen are persisted with the cache and shown offline, with a line saying they
 * may be old).
 */
export function useRiderCash() {
  const { api } = useServices();
  return useQuery({
    queryKey: cashKeys.all(),
    queryFn: ({ signal }) => api.call('riderCash', { signal }),
    // Money: asked again every time the screen opens, even within the cache's fresh time.
    refetchOnMount: 'always',
  });
}

/**
 * A hand-over recorded by an operator changes the rider's cash: when a new `rider.cash_settled`
 * notification shows up (a push arrived, or the list was read again), the cash and the earnings
 * are asked again, so no screen keeps the old sum.
 */
export function useRefreshOnSettlement() {
  const queryClient = useQueryClient();
  const newest = useNotifications().data?.items.find((item) => item.kind === cashSettledKind)?.id;
  const seen = useRef(newest);
  useEffect(() => {
    if (newest === seen.current) return;
    seen.current = newest;
    void queryClient.invalidateQueries({ queryKey: cashKeys.all() });
    void queryClient.invalidateQueries({ queryKey: earningsKeys.all() });
  }, [newest, queryClient]);
}
