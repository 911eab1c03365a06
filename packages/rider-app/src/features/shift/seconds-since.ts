import { useEffect, useState } from 'react';

/** Whole seconds since `at` (ms since epoch), counting up each second; null while there is no `at`. */
export function useSecondsSince(at: number | null): number | null {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (at === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.floor((now - at) / 1000));
}
