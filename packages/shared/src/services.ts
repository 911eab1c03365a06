import { Platform } from 'react-native';
import { createApiClient } from './api/client';
import { newKey } from './api/keys';
import { type ActionHandler, createActionQueue } from './offline/action-queue';
import { netInfoConnectivity } from './offline/netinfo-connectivity';
import { createQueryClient } from './offline/query-client';
import { createRealtimeClient } from './realtime/client';
import { appStorage, secureStorage } from './store/device-storage';
import { createSessionStore } from './store/session';
import type { KeyValueStorage } from './store/storage';

/**
 * Where the API is: EXPO_PUBLIC_API_URL (a phone on the town's network), else the page's own
 * origin on the web build (the server serves the apps), else this machine.
 */
export function apiBaseUrl(): string {
  const configured = process.env.EXPO_PUBLIC_API_URL;
  if (configured) return `${configured.replace(/\/+$/, '')}/api/v1`;
  if (Platform.OS === 'web' && typeof window !== 'undefined') return `${window.location.origin}/api/v1`;
  return 'http://localhost:3000/api/v1';
}

/** The socket beside the API: http(s)://host/api/v1 → ws(s)://host/ws. */
export const socketUrl = (apiBase: string) => apiBase.replace(/^http/, 'ws').replace(/\/api\/v1$/, '/ws');

export type AppName = 'customer' | 'seller' | 'rider';

/** Something one app keeps on the phone besides the session and the queue (the customer's cart). */
export interface LocalStore {
  /** Reads what was saved before the app closed. */
  load(): Promise<void>;
  /** Forgets it, so the next person to sign in on this phone starts clean. */
  clear(): void;
}

export type LocalStores = Record<string, LocalStore>;

/** What an app's own stores are made with: the phone's storage, and a storage key that is the app's alone. */
export interface LocalStoreDeps {
  storage: KeyValueStorage;
  key: (name: string) => string;
}

/**
 * One app's client, wired once at start-up: session, API, socket, cache, queue, and the stores only
 * this app keeps (`local`, made by `stores`: the customer's cart and place; `() => ({})` for none),
 * read at start-up with the rest. `handlers` are the app's queued actions.
 */
export function createAppServices<Stores extends LocalStores>(
  app: AppName,
  stores: (deps: LocalStoreDeps) => Stores,
  handlers: (deps: {
    api: ReturnType<typeof createApiClient>;
    queryClient: ReturnType<typeof createQueryClient>;
  }) => Record<string, ActionHandler<never>>,
) {
  const baseUrl = apiBaseUrl();
  const session = createSessionStore(secureStorage, `kupwara.${app}.session`);
  const api = createApiClient({ baseUrl, tokens: session.tokens });
  const realtime = createRealtimeClient({
    url: socketUrl(baseUrl),
    token: () => session.store.getState().session?.access_token,
    refreshToken: () => api.refresh(),
  });
  session.store.subscribe((state, before) => {
    if (state.session?.access_token !== before.session?.access_token) realtime.reauthenticate();
  });
  const connectivity = netInfoConnectivity();
  connectivity.subscribe((online) => {
    if (online) realtime.reconnectNow();
  });
  const queryClient = createQueryClient();
  const queue = createActionQueue({
    storage: appStorage,
    key: `kupwara.${app}.actions`,
    handlers: handlers({ api, queryClient }),
    connectivity,
    newId: newKey,
  });
  const local = stores({ storage: appStorage, key: (name) => `kupwara.${app}.${name}` });
  return {
    session,
    api,
    realtime,
    connectivity,
    queryClient,
    queue,
    local,
    /** Reads what was saved before the app closed; call once before the first screen. */
    load: () => Promise.all([session.load(), queue.ready, ...Object.values(local).map((store) => store.load())]),
  };
}

export type AppServices<Stores extends LocalStores = LocalStores> = ReturnType<typeof createAppServices<Stores>>;
