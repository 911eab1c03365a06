import type { ReactNode } from 'react';

/** The rider's shift: whether they are online, and the location shared while they are. */
export function ShiftProvider({ children }: { children: ReactNode }) {
  return children;
}
