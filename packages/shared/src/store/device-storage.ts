import AsyncStorage from '@react-native-async-storage/async-storage';
import * as SecureStore from 'expo-secure-store';
import { Platform } from 'react-native';
import type { KeyValueStorage } from './storage';

const web = Platform.OS === 'web';

/** Tokens: the Keychain / Keystore on phones; the page's localStorage on the web build. */
export const secureStorage: KeyValueStorage = web
  ? {
      getItem: async (key) => globalThis.localStorage?.getItem(key) ?? null,
      setItem: async (key, value) => globalThis.localStorage?.setItem(key, value),
      removeItem: async (key) => globalThis.localStorage?.removeItem(key),
    }
  : {
      // SecureStore keys allow only [A-Za-z0-9._-].
      getItem: (key) => SecureStore.getItemAsync(key),
      setItem: (key, value) => SecureStore.setItemAsync(key, value),
      removeItem: (key) => SecureStore.deleteItemAsync(key),
    };

/** Everything else the app keeps (its own stores, queued actions, cached queries). */
export const appStorage: KeyValueStorage = {
  getItem: (key) => AsyncStorage.getItem(key),
  setItem: (key, value) => AsyncStorage.setItem(key, value),
  removeItem: (key) => AsyncStorage.removeItem(key),
};
