/** How often the phone takes a fix: expo-location's own option names, so they pass straight through. */
export interface Cadence {
  accuracy: 'high' | 'balanced';
  /** Milliseconds between fixes at least. */
  timeInterval: number;
  /** Metres moved between fixes at least (whichever comes first on Android). */
  distanceInterval: number;
}

/** Carrying an order: the customer watches the rider come, so a fix every 4 s or 10 m, from the GPS. */
export const DELIVERING: Cadence = { accuracy: 'high', timeInterval: 4000, distanceInterval: 10 };
/**
 * Online with nothing to carry: dispatch only needs to know who is near a shop, so a fix every 45 s
 * from Wi-Fi and cell towers, which spares the battery a shift long. No distance floor: a rider
 * waiting at a stand does not move, and dispatch offers work only to riders heard from in the last
 * 5 minutes (`FRESH_POSITION` on the server), so a 50 m floor would drop them from dispatch.
 */
export const IDLE: Cadence = { accuracy: 'balanced', timeInterval: 45_000, distanceInterval: 0 };

/** The cadence of a rider's shift now: none when offline (no watch, no task). */
export function cadenceFor(shift: { online: boolean; deliveries: number }): Cadence | null {
  if (!shift.online) return null;
  return shift.deliveries > 0 ? DELIVERING : IDLE;
}
