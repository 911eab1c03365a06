import type { ReactNode } from 'react';
import { useRefreshOnSettlement } from './cash/queries';
import { OffersProvider } from './offers/OffersProvider';
import { ShiftProvider } from './shift/ShiftProvider';

/**
 * What runs around every signed-in screen: the shift (online or not, and the location it shares),
 * the offers that arrive live, wherever the rider is in the app, and the cash figures asked again
 * when a hand-over is recorded.
 */
export function RiderAround({ children }: { children: ReactNode }) {
  useRefreshOnSettlement();
  return (
    <ShiftProvider>
      <OffersProvider>{children}</OffersProvider>
    </ShiftProvider>
  );
}
