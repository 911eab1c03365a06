/**
 * The cache keys of orders, one place for every reader and writer of that cache (the queries, the
 * socket's updates, queued actions). A list key is a prefix: invalidating it refreshes every list.
 */
export const orderKeys = {
  list: () => ['orders'] as const,
  detail: (id: string) => ['order', id] as const,
};
