import { useServices } from '@kupwara/shared/app';
import { useQuery } from '@tanstack/react-query';

export const shiftKeys = { status: ['rider', 'status'] as const };

/** Whether the server has the rider online: what the switch shows (cached, so it opens offline). */
export function useShiftStatus() {
  const { api } = useServices();
  return useQuery({
    queryKey: shiftKeys.status,
    queryFn: ({ signal }) => api.call('riderStatusNow', { signal }),
  });
}
