import { createStore } from 'zustand/vanilla';
import type { TokenStore } from '../api/client';
import type { Session } from '../contract/accounts';
import type { KeyValueStorage } from './storage';

export interface SessionState {
  session: Session | null;
  /** False until the saved session has been read at start-up (show a splash, not the login screen). */
  loaded: boolean;
}

/**
 * Who is signed in, kept in the phone's secure store (localStorage on the web build) so a restart
 * keeps the user signed in. `tokens` is what the API client reads and renews.
 */
export function createSessionStore(storage: KeyValueStorage, key = 'kupwara.session') {
  const store = createStore<SessionState>()(() => ({ session: null, loaded: false }));

  async function setSession(session: Session | null) {
    store.setState({ session });
    if (session) await storage.setItem(key, JSON.stringify(session));
    else await storage.removeItem(key);
  }

  const tokens: TokenStore = {
    get: () => store.getState().session,
    set: (session) => void setSession(session),
  };

  return {
    store,
    tokens,
    setSession,
    async load() {
      const saved = await storage.getItem(key).catch(() => null);
      store.setState({ session: saved ? (JSON.parse(saved) as Session) : null, loaded: true });
    },
    logout: () => setSession(null),
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
