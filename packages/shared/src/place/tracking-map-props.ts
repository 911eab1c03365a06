import type { LatLng } from '../contract/geo';

export interface TrackingMapProps {
  shop: LatLng;
  home: LatLng;
  rider?: LatLng | null;
  /** The words of the app that shows it: its pins ("You" is the customer's home, or the rider) and what a screen reader says the map is. */
  labels: { map: string; shop: string; home: string; rider: string };
}
