import type { PositionPoint } from '@kupwara/shared';
import { appStorage } from '@kupwara/shared/app';
import * as Location from 'expo-location';
import * as TaskManager from 'expo-task-manager';
import { messages } from '../../messages';
import type { Cadence } from './cadence';
import { appendStoredFixes, FIXES_STORE } from './fix-buffer';
import { locationOptions, toPositionPoint } from './position-point';

const TASK = 'kupwara-rider-location';
const words = messages.shift.background;
let sink: ((fixes: PositionPoint[]) => void) | null = null;
// One start or stop at a time: a stop for the old cadence must not land after the start of the new.
let last: Promise<unknown> = Promise.resolve();
const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
  const next = last.then(work, work);
  last = next.catch(() => {});
  return next;
};

// At the top of the module, as the task manager requires: a phone that woke the app only for the
// task runs it before any screen mounts. With the app running the fixes join its buffer; without,
// they go straight to the stored buffer, which the app reads when it next starts.
TaskManager.defineTask<{ locations: Location.LocationObject[] }>(TASK, async ({ data, error }) => {
  if (error || !data) return;
  const fixes = data.locations.map(toPositionPoint);
  if (sink) sink(fixes);
  else await appendStoredFixes(appStorage, `kupwara.rider.${FIXES_STORE}`, fixes);
});

/** Sharing the location while the app is in the background or closed: a task and, on Android, a notification that says so. */
export const backgroundLocation = {
  available: true,
  allowed: async () => (await Location.getBackgroundPermissionsAsync()).granted,
  ask: async () => (await Location.requestBackgroundPermissionsAsync()).granted,
  start: (cadence: Cadence) =>
    inTurn(async () => {
      if (!(await Location.getBackgroundPermissionsAsync()).granted) return false;
      await Location.startLocationUpdatesAsync(TASK, {
        ...locationOptions(cadence),
        // A rider waiting at a shop stands still; the shift decides when sharing stops, not the phone.
        pausesUpdatesAutomatically: false,
        activityType: Location.ActivityType.OtherNavigation,
        showsBackgroundLocationIndicator: true,
        foregroundService: {
          notificationTitle: words.notificationTitle,
          notificationBody: words.notificationBody,
          killServiceOnDestroy: false,
        },
      });
      return true;
    }),
  stop: () =>
    inTurn(async () => {
      if (await Location.hasStartedLocationUpdatesAsync(TASK)) await Location.stopLocationUpdatesAsync(TASK);
    }),
  deliverTo(next: ((fixes: PositionPoint[]) => void) | null) {
    sink = next;
  },
};
