import type { ReactNode } from 'react';
import { messages } from '../../messages';
import { useMyShop } from '../shop/queries';
import { IncomingOrdersProvider } from './IncomingOrders';

/** Around every signed-in screen: the shop's orders followed live, and the bell for new ones. */
export function ShopIncoming({ children }: { children: ReactNode }) {
  const shop = useMyShop();
  return (
    <IncomingOrdersProvider storeId={shop.data?.id ?? null} alertTitle={messages.orders.titleAlert}>
      {children}
    </IncomingOrdersProvider>
  );
}
