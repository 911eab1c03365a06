import { useServices } from '@kupwara/shared/app';
import { useQuery } from '@tanstack/react-query';

export const assignmentKeys = { all: ['rider', 'assignments'] as const };

/**
 * The rider's open offers and the deliveries they carry. Cached on the phone, so a rider in a
 * basement still sees the delivery they are on; the rider channel keeps it current.
 */
export function useAssignments() {
  const { api } = useServices();
  return useQuery({
    queryKey: assignmentKeys.all,
    queryFn: ({ signal }) => api.call('riderAssignments', { signal }),
  });
}
