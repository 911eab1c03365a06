import type { KeyValueStorage } from './storage';

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
