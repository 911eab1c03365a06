import { Platform } from 'react-native';

/**
 * The web build's service worker (scripts/pwa.mjs writes it beside index.html), scoped to the
 * app's own path: it keeps the app shell so the app opens with no network. Phones have no such
 * thing: the app is on the device already.
 */
export function registerServiceWorker() {
  // A development server has no build to keep.
  if (__DEV__ || Platform.OS !== 'web' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const scope = `${process.env.EXPO_BASE_URL ?? ''}/`;
  const register = () => {
    navigator.serviceWorker
      .register(`${scope}sw.js`, { scope })
      .catch((error: unknown) => console.warn('Could not install the offline shell', error));
  };
  // After the page's own downloads: installing fetches the whole build.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
