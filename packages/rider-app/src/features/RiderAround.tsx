import type { ReactNode } from 'react';
import { OffersProvider } from './offers/OffersProvider';
import { ShiftProvider } from './shift/ShiftProvider';

/**
 * What runs around every signed-in screen: the shift (online or not, and the location it shares)
 * and the offers that arrive live, wherever the rider is in the app.
 */
export function RiderAround({ children }: { children: ReactNode }) {
  return (
    <ShiftProvider>
      <OffersProvider>{children}</OffersProvider>
    </ShiftProvider>
  );
}
