import type { ReactNode } from 'react';

/** Offers arriving on the rider's channel, shown over whatever screen is open. */
export function OffersProvider({ children }: { children: ReactNode }) {
  return children;
}
