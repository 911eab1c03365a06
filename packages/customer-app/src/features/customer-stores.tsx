import type { LocalStoreDeps } from '@kupwara/shared/app';
import { createContext, type ReactNode, useContext } from 'react';
import { createCartStore } from './cart/cart-store';
import { createPlaceStore } from './place/place-store';

/** What only the customer app keeps on the phone: the cart, and where to deliver. */
export function createCustomerStores({ storage, key }: LocalStoreDeps) {
  return { cart: createCartStore(storage, key('cart')), place: createPlaceStore(storage, key('place')) };
}

export type CustomerStores = ReturnType<typeof createCustomerStores>;

const CustomerStoresContext = createContext<CustomerStores | null>(null);

/** Gives the screens the stores `createCustomerServices` made (`services.local`). */
export function CustomerStoresProvider({ stores, children }: { stores: CustomerStores; children: ReactNode }) {
  return <CustomerStoresContext.Provider value={stores}>{children}</CustomerStoresContext.Provider>;
}

/** The cart and the place, from the nearest <CustomerStoresProvider>. */
export function useCustomerStores(): CustomerStores {
  const stores = useContext(CustomerStoresContext);
  if (!stores) throw new Error('useCustomerStores needs <CustomerStoresProvider>');
  return stores;
}
