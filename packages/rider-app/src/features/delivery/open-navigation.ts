import type { LatLng } from '@kupwara/shared';
import { Linking, Platform } from 'react-native';
import { navigationLinks } from './navigation-links';

/**
 * Opens the first link a map app takes. `openURL` refuses a scheme nothing handles, so each is
 * tried in turn rather than asked about first (`canOpenURL` answers false on Android 11+ and iOS
 * unless every scheme is declared in the app's manifest).
 */
export async function openNavigation(to: LatLng, label: string) {
  for (const link of navigationLinks(Platform.OS, to, label)) {
    try {
      await Linking.openURL(link);
      return;
    } catch {
      // No app for this link: the next one.
    }
  }
}
