import type { LatLng } from '@kupwara/shared';

/**
 * The web build has no map tiles to pick a point on (they would come from outside the town's
 * server): it offers the phone's location, saved addresses and the town centre instead.
 */
export function PointPicker(_: { start: LatLng; onPick: (point: LatLng) => void }) {
  return null;
}

export const canPickOnMap = false;
