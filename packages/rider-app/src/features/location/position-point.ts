import type { PositionPoint } from '@kupwara/shared';
import { Accuracy, type LocationObject } from 'expo-location';
import type { Cadence } from './cadence';

/**
 * A fix as the server takes it, with the phone's own time. What a phone does not know it reports
 * as null or -1 (iOS's heading and speed): those are left out rather than sent as false values.
 */
export function toPositionPoint({ coords, timestamp }: LocationObject): PositionPoint {
  const known = (value: number | null | undefined, max: number) =>
    value !== null && value !== undefined && value >= 0 && value <= max ? value : undefined;
  const accuracy = known(coords.accuracy, 10_000);
  const heading = known(coords.heading, 360);
  const speed = known(coords.speed, 100);
  return {
    lat: coords.latitude,
    lng: coords.longitude,
    ...(accuracy === undefined ? {} : { accuracy_m: accuracy }),
    ...(heading === undefined ? {} : { heading }),
    ...(speed === undefined ? {} : { speed_mps: speed }),
    recorded_at: new Date(timestamp).toISOString(),
  };
}

/** The cadence in expo-location's terms. */
export const locationOptions = (cadence: Cadence) => ({
  accuracy: cadence.accuracy === 'high' ? Accuracy.High : Accuracy.Balanced,
  timeInterval: cadence.timeInterval,
  distanceInterval: cadence.distanceInterval,
});
