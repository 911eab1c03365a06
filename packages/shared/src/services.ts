import { Platform } from 'react-native';
import { createApiClient } from './api/client';
import { newKey } from './api/keys';
import { createActionQueue } from './offline/action-queue';
import { netInfoConnectivity } from './offline/netinfo-connectivity';
import { createQueryClient } from './offline/query-client';
import type { ActionHandlers } from './offline/queued-action';
import { type OrderActionKinds, transitionOrderHandler } from './orders/transition-order';
import { createRealtimeClient } from './realtime/client';
import { createSignOut } from './session/sign-out';
import { createCartStore } from './store/cart';
import { appStorage, secureStorage } from './store/device-storage';
import { createPlaceStore } from './store/place';
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

export type AppName = 'customer' | 'seller' | 'rider';

/**
 * The kinds of action an app queues besides the shared ones. Each app registers its own, typed:
 * `declare module '@kupwara/shared/app' { interface AppActionKinds { placeOrder: ActionKind<…> } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: apps fill it in by declaration merging.
export interface AppActionKinds {}

/** Everything an app's queue holds: every app's order moves, and the app's own kinds. */
export type QueuedKinds = OrderActionKinds & AppActionKinds;

export interface AppServicesOptions {
  /** How the app sends, shows and takes back each kind of action it registered. */
  actions: (deps: {
    api: ReturnType<typeof createApiClient>;
    queryClient: ReturnType<typeof createQueryClient>;
  }) => ActionHandlers<AppActionKinds>;
  /** What else the app keeps for the person signed in (a cart, a chosen place): forgotten at sign-out. */
  forget?: () => void;
}

/** One app's client, wired once at start-up: session, API, socket, cache, queue and local stores. */
export function createAppServices(app: AppName, options: AppServicesOptions) {
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
  const cart = createCartStore(appStorage, `kupwara.${app}.cart`);
  const place = createPlaceStore(appStorage, `kupwara.${app}.place`);
  return {
    session,
    api,
    realtime,
    connectivity,
    queryClient,
    queue,
    /** Forgets what the person left on this phone, waiting actions included: ask first (`SignOutButton`). */
    signOut: createSignOut({ session, api, queue, queryClient, forget: options.forget }),
    cart,
    place,
    /** Reads what was saved before the app closed; call once before the first screen. */
    load: () => Promise.all([session.load(), cart.load(), place.load(), queue.ready]),
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
