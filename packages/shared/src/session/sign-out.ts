import type { ApiClient } from '../api/client';
import type { SessionStore } from '../store/session';

export interface SignOutDeps {
  session: SessionStore;
  api: ApiClient;
  queue: { clear(): Promise<void> };
  queryClient: { clear(): void };
  /** What else the app keeps for the person (the customer's cart and place). */
  forget?: (() => void) | undefined;
}

/**
 * Signing out: what this person left on the phone is theirs, so the next one to sign in starts
 * clean: their waiting actions (nothing more of them is sent), the app's own keepings, the session,
 * the cached server data. The server is told too if it can be reached; signing out never waits for
 * the network. Whoever calls it has asked first if actions were waiting.
 */
export function createSignOut({ session, api, queue, queryClient, forget }: SignOutDeps): () => Promise<void> {
  return async () => {
    const refresh = session.store.getState().session?.refresh_token;
    await queue.clear();
    forget?.();
    await session.logout();
    queryClient.clear();
    if (refresh) void api.call('logout', { body: { refresh_token: refresh } }).catch(() => {});
  };
}
