import { type QueryClient, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiClient, CallOutput } from '../api/client';
import { useServices } from '../providers';

/** The cache key of the signed-in person's notifications. */
export const notificationKeys = {
  list: () => ['notifications'] as const,
};

type NotificationPage = CallOutput<'notifications'>;

/** What the signed-in person was told, newest first, with how many are unread in all. */
export function useNotifications() {
  const { api } = useServices();
  return useQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ signal }) => api.call('notifications', { query: { limit: 50 }, signal }),
    // News: every screen that shows it (the list, a badge) asks again when it opens, even within
    // the cache's fresh time; a list kept from before would say "nothing yet" after news came.
    refetchOnMount: 'always',
  });
}

/** The count on the bell or tab that leads to the notifications. */
export function useUnreadCount(): number {
  return useNotifications().data?.unread_count ?? 0;
}

/** The page with these rows read as of `at`; the count drops by the rows that were unread. */
export function readInPage(page: NotificationPage, read: (id: string) => boolean, at: string): NotificationPage {
  let newlyRead = 0;
  const items = page.items.map((item) => {
    if (item.read_at || !read(item.id)) return item;
    newlyRead += 1;
    return { ...item, read_at: at };
  });
  return { ...page, items, unread_count: Math.max(0, page.unread_count - newlyRead) };
}

interface Deps {
  api: ApiClient;
  queryClient: QueryClient;
}

/**
 * Optimistic and silent: the rows look read at once and the server is told. If it cannot be told
 * (offline), nothing is retried or rolled back: the next fetch of the list shows them unread again,
 * which is true, and a read mark is not worth a queued action.
 */
async function send(
  { queryClient }: Deps,
  change: (page: NotificationPage) => NotificationPage,
  call: () => Promise<{ unread_count: number }>,
) {
  // A fetch already under way would bring the rows back unread.
  await queryClient.cancelQueries({ queryKey: notificationKeys.list() });
  queryClient.setQueryData<NotificationPage>(notificationKeys.list(), (page) => (page ? change(page) : page));
  try {
    const { unread_count } = await call();
    queryClient.setQueryData<NotificationPage>(notificationKeys.list(), (page) =>
      page ? { ...page, unread_count } : page,
    );
  } catch {
    // Skipped on purpose (see above).
  }
}

/** Marks these notifications read (a row tapped, a push opened). */
export function markNotificationsRead(deps: Deps, ids: string[]) {
  const wanted = new Set(ids);
  const at = new Date().toISOString();
  return send(
    deps,
    (page) => readInPage(page, (id) => wanted.has(id), at),
    () => deps.api.call('markNotificationsRead', { body: { ids } }),
  );
}

/**
 * Marks everything up to the newest notification the app shows read: one that arrives meanwhile
 * stays unread, on the server and in the count it answers.
 */
export function markAllNotificationsRead(deps: Deps, newestShown: string) {
  const at = new Date().toISOString();
  return send(
    deps,
    (page) => readInPage(page, () => true, at),
    () => deps.api.call('markAllNotificationsRead', { body: { up_to: newestShown } }),
  );
}

/** `markRead(ids)` and `markAllRead(newestShownId)` for the signed-in person. */
export function useMarkRead() {
  const { api, queryClient } = useServices();
  const markRead = useCallback((ids: string[]) => markNotificationsRead({ api, queryClient }, ids), [api, queryClient]);
  const markAllRead = useCallback(
    (newestShown: string) => markAllNotificationsRead({ api, queryClient }, newestShown),
    [api, queryClient],
  );
  return { markRead, markAllRead };
}
