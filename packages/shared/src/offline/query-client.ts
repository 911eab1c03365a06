import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import { QueryClient } from '@tanstack/react-query';
import type { PersistQueryClientOptions } from '@tanstack/react-query-persist-client';
import type { KeyValueStorage } from '../store/storage';

/** Kept on the phone for a week: shops, catalogs, orders and the profile open with no network. */
const KEEP_MS = 7 * 24 * 3600_000;

/**
 * The app's server cache: queries answer from what is cached first and refresh when they can;
 * mutations go through the action queue, not TanStack's own (which does not survive restarts well).
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'offlineFirst',
        gcTime: KEEP_MS,
        staleTime: 30_000,
        retry: (failures, error) => failures < 3 && (error as { transient?: boolean }).transient !== false,
      },
    },
  });
}

/** For <PersistQueryClientProvider persistOptions={…}>: the cache saved to storage, throttled. */
export function persistOptions(
  queryClient: QueryClient,
  storage: KeyValueStorage,
  buster: string,
): PersistQueryClientOptions {
  return {
    queryClient,
    maxAge: KEEP_MS,
    buster,
    persister: createAsyncStoragePersister({ storage, key: 'kupwara.queries', throttleTime: 1000 }),
  };
}
