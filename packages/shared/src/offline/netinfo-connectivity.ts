import NetInfo from '@react-native-community/netinfo';
import { Platform } from 'react-native';
import type { Connectivity } from './connectivity';

/**
 * The phone's connectivity from NetInfo; on the web build also the browser's online/offline
 * events, which fire at once where NetInfo's reachability checks take a while.
 */
export function netInfoConnectivity(): Connectivity {
  const listeners = new Set<(online: boolean) => void>();
  let online = Platform.OS === 'web' && typeof navigator !== 'undefined' ? navigator.onLine : true;
  const update = (next: boolean) => {
    if (next === online) return;
    online = next;
    for (const listener of listeners) listener(online);
  };
  NetInfo.addEventListener((state) => update(state.isConnected !== false && state.isInternetReachable !== false));
  if (Platform.OS === 'web' && typeof window !== 'undefined') {
    window.addEventListener('online', () => update(true));
    window.addEventListener('offline', () => update(false));
  }
  return {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
