import type { Cache } from '../platform/cache';

// "Connected" means: this person's app has a live socket, on any process. The key lives in the
// shared cache (Redis when set) and lapses by itself if a process dies without saying goodbye.
const presenceKey = (userId: string) => `presence:${userId}`;

/** Whether any of this person's apps has a live socket now. */
export async function isConnected(cache: Cache, userId: string): Promise<boolean> {
  return (await cache.get<string>(presenceKey(userId))) !== undefined;
}

/** One process's sockets telling the cache who is connected. */
export interface Presence {
  /** The socket is signed in as this person, or still is (a heartbeat): their presence is refreshed. */
  seen(userId: string, socketId: string): Promise<void>;
  /** The socket closed or is no longer signed in as this person. */
  gone(userId: string, socketId: string): Promise<void>;
}

/**
 * `ttlSeconds` must outlast the time between two heartbeats. The key holds the socket that wrote it
 * last, so a socket closing on one process does not clear a person still connected on another;
 * sockets of the same person on this process hand the key to each other.
 */
export function createPresence(cache: Cache, ttlSeconds: number): Presence {
  const local = new Map<string, Set<string>>();
  return {
    async seen(userId, socketId) {
      const sockets = local.get(userId) ?? new Set<string>();
      sockets.add(socketId);
      local.set(userId, sockets);
      await cache.set(presenceKey(userId), socketId, ttlSeconds);
    },
    async gone(userId, socketId) {
      const sockets = local.get(userId);
      sockets?.delete(socketId);
      const [other] = sockets ?? [];
      if (other) return cache.set(presenceKey(userId), other, ttlSeconds);
      local.delete(userId);
      if ((await cache.get<string>(presenceKey(userId))) === socketId) await cache.del(presenceKey(userId));
    },
  };
}
