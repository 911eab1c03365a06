import type { LatLng } from '../contract/geo';

export interface PointPickerProps {
  start: LatLng;
  onPick: (point: LatLng) => void;
  /** The button that takes the point ("Deliver here", "The shop is here"). */
  confirmLabel: string;
  /** What a screen reader says the map is, and how to use it. */
  mapLabel: string;
}
