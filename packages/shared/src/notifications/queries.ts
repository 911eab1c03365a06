import { useQuery } from '@tanstack/react-query';
import { useServices } from '../providers';

/** The cache key of the signed-in person's notifications. */
export const notificationKeys = {
  list: () => ['notifications'] as const,
};

/** What the signed-in person was told, newest first. */
export function useNotifications() {
  const { api } = useServices();
  return useQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ signal }) => api.call('notifications', { query: { limit: 50 }, signal }),
  });
}
