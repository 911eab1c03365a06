import type { OrderSummary } from '@kupwara/shared';
import { createRinger, orderKeys, type Ringer, useChannel, useOrders, useServices } from '@kupwara/shared/app';
import { channels } from '@kupwara/shared/values';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { unseenNewOrders } from './order-groups';
import { flashTitle } from './title-flash';

/** The shop's bell: its own ring, and buzz, pause, buzz … on phones. */
const newOrderBell = { sound: require('../../../assets/new-order.wav'), buzz: [0, 700, 500] };

type OrderPage = { items: OrderSummary[]; next_cursor: string | null };

export interface Incoming {
  orders: ReturnType<typeof useOrders>;
  /** New orders nobody at the shop has opened or answered: the app rings while there is one. */
  unseen: OrderSummary[];
  /** The browser will not play the ring until the person touches the page. */
  soundBlocked: boolean;
  /** From a touch: lets the ring play (web). */
  unlockSound(): void;
  /** Someone here opened the order: this device stops ringing for it, and every other one of the shop. */
  markSeen(orderId: string): void;
}

const IncomingContext = createContext<Incoming | null>(null);

export function useIncoming(): Incoming {
  const incoming = useContext(IncomingContext);
  if (!incoming) throw new Error('useIncoming needs <IncomingOrdersProvider>');
  return incoming;
}

/** The same, or nothing outside the provider (a screen rendered on its own). */
export const useIncomingIfAny = () => useContext(IncomingContext);

const withSeen = (page: OrderPage | undefined, orderId: string) =>
  page && { ...page, items: page.items.map((order) => (order.id === orderId ? { ...order, seen: true } : order)) };

export interface IncomingOrdersProviderProps {
  /** The shop's store (null until it is known: nothing is followed). */
  storeId: string | null;
  children: ReactNode;
  /** The device's bell (tests pass one that records). */
  ringer?: Ringer;
  /** What the flashing page title says while sound is blocked, for this many unseen orders. */
  alertTitle: (count: number) => string;
}

/**
 * The shop's orders, live on `store.{id}`: a new order is read at once, and the bell rings while
 * any new order is unseen here and on every other device of the shop (the server keeps `seen`, so
 * a device that joins late rings too). On the web, while the browser blocks sound, the page's title
 * flashes. The list is read again whenever the socket comes back (the store's channel does not replay).
 */
export function IncomingOrdersProvider({ storeId, children, ringer: given, alertTitle }: IncomingOrdersProviderProps) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const orders = useOrders({ enabled: storeId !== null });
  const [ringer] = useState(() => given ?? createRinger(newOrderBell));
  const [soundBlocked, setSoundBlocked] = useState(ringer.blocked);
  useEffect(() => ringer.onBlocked(setSoundBlocked), [ringer]);

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: orderKeys.list() }), [queryClient]);
  useChannel(
    storeId ? channels.store(storeId) : null,
    (frame) => {
      if (frame.type === 'seen') {
        queryClient.setQueryData<OrderPage>(orderKeys.list(), (page) => withSeen(page, frame.order_id));
        return;
      }
      if (frame.type === 'event') void refresh();
    },
    { onResume: () => void refresh() },
  );

  // Opened here: quiet at once, even if a list read races the mark to the server.
  const [seenHere, setSeenHere] = useState<ReadonlySet<string>>(() => new Set());
  const unseen = useMemo(
    () => unseenNewOrders(orders.data?.items ?? []).filter((order) => !seenHere.has(order.id)),
    [orders.data, seenHere],
  );
  const ringing = unseen.length > 0;
  useEffect(() => {
    if (ringing) ringer.start();
    else ringer.stop();
  }, [ringing, ringer]);
  useEffect(() => () => ringer.stop(), [ringer]);
  const alert = ringing && soundBlocked ? alertTitle(unseen.length) : null;
  useEffect(() => (alert ? flashTitle(alert) : undefined), [alert]);

  const markSeen = useCallback(
    (orderId: string) => {
      setSeenHere((before) => new Set(before).add(orderId));
      queryClient.setQueryData<OrderPage>(orderKeys.list(), (page) => withSeen(page, orderId));
      // The mark is this device's at once; if the network is down, the others learn it when it is answered.
      api.call('markOrderSeen', { params: { id: orderId } }).catch(() => undefined);
    },
    [api, queryClient],
  );

  const value = useMemo(
    () => ({ orders, unseen, soundBlocked, unlockSound: () => ringer.unlock(), markSeen }),
    [orders, unseen, soundBlocked, ringer, markSeen],
  );
  return <IncomingContext.Provider value={value}>{children}</IncomingContext.Provider>;
}
