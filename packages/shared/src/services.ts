import { Platform } from 'react-native';
import { createApiClient } from './api/client';
import { newKey } from './api/keys';
import { createPush } from './notifications/push';
import { pushDevice } from './notifications/push-device';
import { createActionQueue } from './offline/action-queue';
import { netInfoConnectivity } from './offline/netinfo-connectivity';
import { createQueryClient } from './offline/query-client';
import type { ActionHandlers } from './offline/queued-action';
import { type OrderActionKinds, transitionOrderHandler } from './orders/transition-order';
import { createRealtimeClient } from './realtime/client';
import { createSignOut } from './session/sign-out';
import { appStorage, secureStorage } from './store/device-storage';
import type { LocalStoreDeps, LocalStores } from './store/local-store';
import { createSessionStore } from './store/session';

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

import type { AppName } from './contract/notifications';

export type { AppName };

/**
 * The kinds of action an app queues besides the shared ones. Each app registers its own, typed:
 * `declare module '@kupwara/shared/app' { interface AppActionKinds { placeOrder: ActionKind<…> } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: apps fill it in by declaration merging.
export interface AppActionKinds {}

/** Everything an app's queue holds: every app's order moves, and the app's own kinds. */
export type QueuedKinds = OrderActionKinds & AppActionKinds;

export type { LocalStore, LocalStoreDeps, LocalStores } from './store/local-store';

export interface AppServicesOptions<Stores extends LocalStores> {
  /** The stores only this app keeps (the customer's cart and place): read at start-up, forgotten at sign-out. */
  stores: (deps: LocalStoreDeps) => Stores;
  /** How the app sends, shows and takes back each kind of action it registered. */
  actions: (deps: {
    api: ReturnType<typeof createApiClient>;
    queryClient: ReturnType<typeof createQueryClient>;
  }) => ActionHandlers<AppActionKinds>;
}

/** One app's client, wired once at start-up: session, API, socket, cache, queue, and the app's own stores (`local`). */
export function createAppServices<Stores extends LocalStores>(app: AppName, options: AppServicesOptions<Stores>) {
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
  const handlers: ActionHandlers<QueuedKinds> = {
    ...options.actions({ api, queryClient }),
    transitionOrder: transitionOrderHandler({ api, queryClient }),
  };
  const queue = createActionQueue<QueuedKinds>({
    storage: appStorage,
    key: `kupwara.${app}.actions`,
    handlers,
    connectivity,
    newId: newKey,
  });
  const local = options.stores({ storage: appStorage, key: (name) => `kupwara.${app}.${name}` });
  const push = createPush({
    app,
    device: pushDevice,
    api,
    storage: appStorage,
    key: `kupwara.${app}.push`,
    userId: () => session.store.getState().session?.user.id,
  });
  const forget = () => {
    for (const store of Object.values(local)) store.clear();
    void push.forget();
  };
  return {
    session,
    api,
    realtime,
    connectivity,
    queryClient,
    queue,
    local,
    /** This phone's pushes: ask at a moment that explains itself (`push.ask()`), never at launch. */
    push,
    /** Forgets what the person left on this phone, waiting actions included: ask first (`SignOutButton`). */
    signOut: createSignOut({ session, api, queue, queryClient, forget }),
    /** Reads what was saved before the app closed; call once before the first screen. */
    load: () => Promise.all([session.load(), queue.ready, ...Object.values(local).map((store) => store.load())]),
  };
}

export type AppServices<Stores extends LocalStores = LocalStores> = ReturnType<typeof createAppServices<Stores>>;
