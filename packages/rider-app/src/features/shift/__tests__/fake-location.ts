import type { LocationObject } from 'expo-location';

type Callback = (location: LocationObject) => void;
interface Watch {
  options: { accuracy: number; timeInterval: number; distanceInterval: number };
  callback: Callback;
  removed: boolean;
}

/**
 * expo-location as the tests drive it: the permission the rider gives, and the watches the app
 * started (with their options), each of which can be handed a fix.
 */
export const fakeLocation = {
  permission: { granted: true, canAskAgain: true },
  asked: 0,
  /** Whether the rider allows location "all the time" when asked. */
  background: { allows: false, granted: false, asked: 0 },
  /** The background task's options while it runs. */
  task: null as null | Record<string, unknown>,
  watches: [] as {
    options: { accuracy: number; timeInterval: number; distanceInterval: number };
    callback: Callback;
    removed: boolean;
  }[],
  reset() {
    fakeLocation.permission = { granted: true, canAskAgain: true };
    fakeLocation.asked = 0;
    fakeLocation.background = { allows: false, granted: false, asked: 0 };
    fakeLocation.task = null;
    fakeLocation.watches = [];
  },
  /** The watches not stopped. */
  running: (): Watch[] => fakeLocation.watches.filter((watch) => !watch.removed),
  /** The phone finds itself at `lat, lng` at `at`. */
  move(lat: number, lng: number, at: string) {
    for (const watch of fakeLocation.running()) {
      watch.callback({
        coords: {
          latitude: lat,
          longitude: lng,
          accuracy: 8,
          altitude: null,
          altitudeAccuracy: null,
          heading: null,
          speed: 3,
        },
        timestamp: Date.parse(at),
      });
    }
  },
  module: {
    Accuracy: { Balanced: 3, High: 4 },
    requestForegroundPermissionsAsync: async () => {
      fakeLocation.asked += 1;
      return {
        ...fakeLocation.permission,
        status: fakeLocation.permission.granted ? 'granted' : 'denied',
        expires: 'never',
      };
    },
    ActivityType: { OtherNavigation: 4 },
    getBackgroundPermissionsAsync: async () => ({ granted: fakeLocation.background.granted }),
    requestBackgroundPermissionsAsync: async () => {
      fakeLocation.background.asked += 1;
      fakeLocation.background.granted = fakeLocation.background.allows;
      return { granted: fakeLocation.background.granted };
    },
    startLocationUpdatesAsync: async (_task: string, options: Record<string, unknown>) => {
      fakeLocation.task = options;
    },
    hasStartedLocationUpdatesAsync: async () => fakeLocation.task !== null,
    stopLocationUpdatesAsync: async () => {
      fakeLocation.task = null;
    },
    watchPositionAsync: async (options: Watch['options'], callback: Callback) => {
      const watch = { options, callback, removed: false };
      fakeLocation.watches.push(watch);
      return {
        remove: () => {
          watch.removed = true;
        },
      };
    },
  },
};
