/**
 * A distance as people say it: whole metres under a kilometre ("850 m"), kilometres with one
 * decimal under ten ("1.2 km"), whole kilometres beyond ("12 km"). Rounded, never truncated, so
 * 999.6 m reads "1.0 km" rather than "1000 m".
 */
export function formatDistance(metres: number): string {
  if (!Number.isFinite(metres) || metres < 0) throw new RangeError(`not a distance: ${metres}`);
  const rounded = Math.round(metres);
  if (rounded < 1000) return `${rounded} m`;
  const km = metres / 1000;
  return km < 9.95 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}
