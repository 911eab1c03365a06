import { useEffect, useState } from 'react';

// setTimeout takes at most about 24.8 days.
const LONGEST = 2 ** 31 - 1;

/** Whether `iso` is in the past; re-renders when it passes, so a pause shown lifts by itself. */
export function useTimePassed(iso: string | null): boolean {
  const at = iso === null ? Number.NaN : Date.parse(iso);
  const [, setTick] = useState(0);
  const passed = !(at > Date.now());
  useEffect(() => {
    if (passed) return;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(LONGEST, at - Date.now() + 50));
    return () => clearTimeout(timer);
  });
  return passed;
}
