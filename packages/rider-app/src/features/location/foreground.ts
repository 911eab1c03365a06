import type { PositionPoint } from '@kupwara/shared';
import * as Location from 'expo-location';
import type { Cadence } from './cadence';
import { locationOptions, toPositionPoint } from './position-point';

/** What asking for the location came to: granted, refused (ask again), or refused for good (only settings can change it). */
export type LocationPermission = 'granted' | 'refused' | 'blocked';

/** Asks to use the location while the app is open (the browser's prompt on the web). */
export async function askForegroundLocation(): Promise<LocationPermission> {
  const answer = await Location.requestForegroundPermissionsAsync();
  if (answer.granted) return 'granted';
  return answer.canAskAgain ? 'refused' : 'blocked';
}

/** Takes fixes at the cadence while the app is open (navigator.geolocation on the web); returns how to stop. */
export async function watchFixes(
  cadence: Cadence,
  onFix: (fix: PositionPoint) => void,
  onError: (reason: string) => void,
): Promise<() => void> {
  const subscription = await Location.watchPositionAsync(
    locationOptions(cadence),
    (location) => onFix(toPositionPoint(location)),
    onError,
  );
  return () => subscription.remove();
}
