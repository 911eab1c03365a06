import type { PositionPoint } from '@kupwara/shared';
import { useEffect, useRef } from 'react';
import { backgroundLocation } from './background';
import type { Cadence } from './cadence';
import { watchFixes } from './foreground';

/**
 * Takes fixes at the cadence while there is one, and none when it is null (offline): through the
 * background task where the rider allowed it (it also runs while the app is open), else with a
 * foreground watch. A new cadence restarts the source with the new intervals.
 */
export function useLocationSharing(
  cadence: Cadence | null,
  /** Changes when the source should be chosen again (background location was allowed). */
  source: number,
  handlers: { onFixes(fixes: PositionPoint[]): void; onLost(): void },
) {
  const latest = useRef(handlers);
  latest.current = handlers;
  const accuracy = cadence?.accuracy;
  const timeInterval = cadence?.timeInterval;
  const distanceInterval = cadence?.distanceInterval;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `source` restarts the sharing on purpose.
  useEffect(() => {
    if (!accuracy || timeInterval === undefined || distanceInterval === undefined) return;
    const current: Cadence = { accuracy, timeInterval, distanceInterval };
    let stopped = false;
    let stopWatch: (() => void) | undefined;
    const onFixes = (fixes: PositionPoint[]) => latest.current.onFixes(fixes);
    backgroundLocation.deliverTo(onFixes);
    (async () => {
      if (await backgroundLocation.start(current)) return;
      const stop = await watchFixes(
        current,
        (fix) => onFixes([fix]),
        () => latest.current.onLost(),
      );
      if (stopped) stop();
      else stopWatch = stop;
    })().catch(() => latest.current.onLost());
    return () => {
      stopped = true;
      stopWatch?.();
      backgroundLocation.deliverTo(null);
      void backgroundLocation.stop();
    };
  }, [accuracy, timeInterval, distanceInterval, source]);
}
