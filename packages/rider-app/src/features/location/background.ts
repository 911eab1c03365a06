import type { PositionPoint } from '@kupwara/shared';
import type { Cadence } from './cadence';

/**
 * Sharing the location while the app is closed, where the platform allows it. A browser cannot:
 * on the web the shift shares only while the page is open (the phones' version is
 * `background.native.ts`, so the web build never loads the task manager).
 */
export const backgroundLocation = {
  available: false,
  /** Whether the rider already allowed it (nothing to explain again). */
  allowed: async () => false,
  /** Asks the platform, after the disclosure screen; says whether it was allowed. */
  ask: async () => false,
  /** Starts the background task at the cadence; says whether it runs (the foreground watch is needed if not). */
  start: async (_cadence: Cadence) => false,
  stop: async () => {},
  /** Where the task's fixes go while the app is running. */
  deliverTo: (_sink: ((fixes: PositionPoint[]) => void) | null) => {},
};
