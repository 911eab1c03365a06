import type { LatLng } from '@kupwara/shared';

/** Turn-by-turn in any browser, and on a phone with no map app: Google Maps' documented directions URL. */
export const webDirections = ({ lat, lng }: LatLng) =>
  `https://www.google.com/maps/dir/?api=1&destination=${lat},${lng}`;

/** A label inside `geo:`'s brackets: its own brackets escaped too, which `encodeURIComponent` leaves. */
const geoLabel = (label: string) => encodeURIComponent(label).replace(/\(/g, '%28').replace(/\)/g, '%29');

/**
 * The links that start navigation to `to`, best first, for the rider's platform: Google Maps'
 * navigation intent on Android, then any map app through `geo:`; on iOS Google Maps when it is
 * installed, then Apple Maps; everywhere the web directions last, which always open.
 */
export function navigationLinks(platform: string, to: LatLng, label: string): string[] {
  const at = `${to.lat},${to.lng}`;
  if (platform === 'android') {
    return [`google.navigation:q=${at}`, `geo:${at}?q=${at}(${geoLabel(label)})`, webDirections(to)];
  }
  if (platform === 'ios') {
    return [`comgooglemaps://?daddr=${at}&directionsmode=driving`, `maps://?daddr=${at}`, webDirections(to)];
  }
  return [webDirections(to)];
}
