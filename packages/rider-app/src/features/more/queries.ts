import { useServices } from '@kupwara/shared/app';
import { useQuery } from '@tanstack/react-query';

export const meKeys = { me: () => ['me'] as const };

/** The signed-in rider as the server knows them now, vehicle included (persisted: it opens offline). */
export function useMe() {
  const { api } = useServices();
  return useQuery({ queryKey: meKeys.me(), queryFn: ({ signal }) => api.call('getMe', { signal }) });
}
