import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../api/client';
import type { Session } from '../contract/accounts';
import { createActionQueue } from '../offline/action-queue';
import { manualConnectivity } from '../offline/connectivity';
import type { ActionKind } from '../offline/queued-action';
import { orderKeys } from '../orders/keys';
import { createSessionStore } from '../store/session';
import { memoryStorage } from '../store/storage';
import { createSignOut } from './sign-out';

const session = { access_token: 'access', refresh_token: 'refresh-1' } as Session;

describe('signing out', () => {
  it('forgets the waiting actions, the app’s keepings, the session and the cache, and tells the server without waiting', async () => {
    const storage = memoryStorage();
    const sessions = createSessionStore(storage, 'session');
    await sessions.setSession(session);
    const hidden: string[] = [];
    const queue = createActionQueue<{ addNote: ActionKind<{ text: string }, null> }>({
      storage,
      handlers: { addNote: { send: async () => null, rollback: ({ text }) => hidden.push(text) } },
      connectivity: manualConnectivity(false),
      newId: () => 'key-1',
    });
    await queue.enqueue('addNote', 'notes', { text: 'buy rice' });
    const queryClient = new QueryClient();
    queryClient.setQueryData(orderKeys.list(), { items: [] });
    const told: unknown[] = [];
    // The server never answers: signing out must not wait for it.
    const api = { call: (name: string, input: unknown) => told.push([name, input]) && new Promise(() => {}) };
    const forgotten: string[] = [];

    await createSignOut({
      session: sessions,
      api: api as unknown as ApiClient,
      queue,
      queryClient,
      forget: () => forgotten.push('cart and place'),
    })();

    expect(queue.actions()).toEqual([]);
    expect(hidden).toEqual(['buy rice']);
    expect(forgotten).toEqual(['cart and place']);
    expect(sessions.store.getState().session).toBeNull();
    expect(storage.entries.get('session')).toBeUndefined();
    expect(queryClient.getQueryData(orderKeys.list())).toBeUndefined();
    expect(told).toEqual([['logout', { body: { refresh_token: 'refresh-1' } }]]);
    queue.close();
  });
});
