import {
  deliveryEtaMinutes,
  type NearbyStore,
  type OpeningHours,
  openingStatus,
  type PaymentMethod,
  PREPARATION_MINUTES,
  type StoreDetails,
} from '@kupwara/shared';
import { toImageSet } from '../platform/media/image-set';
import type { MediaStorage } from '../platform/media/storage';
import type { stores } from './tables';

export type StoreRow = typeof stores.$inferSelect;

interface Hours {
  opening_hours: OpeningHours;
  time_zone: string;
  is_accepting_orders: boolean;
}

/** Busy mode as stored: it lifts itself when its time has passed, so the view asks the clock. */
type Busy = Pick<StoreDetails, 'paused_until' | 'extra_prep_minutes' | 'extra_prep_until'>;

/** The seller's switches for the ways of paying. */
interface Takes {
  accepts_cash: boolean;
  accepts_online: boolean;
}

/** What the view adds to a snapshot: the clock's answers, and what the platform offers. */
type Derived = 'is_open_now' | 'closes_at' | 'opens_at' | 'payment_methods';

/**
 * How a customer may pay the shop: what its seller switched on, online only when the platform has
 * a payment gateway. Worked out when answering, not cached, so a switch or the gateway shows at once.
 */
export function paymentMethodsOf(takes: Takes, onlinePayments: boolean): PaymentMethod[] {
  const methods: PaymentMethod[] = [];
  if (takes.accepts_cash) methods.push('cash');
  if (takes.accepts_online && onlinePayments) methods.push('online');
  return methods;
}

/** A store's details without anything that changes with the clock or the platform: this is what gets cached. */
export function storeDetailsSnapshot(row: StoreRow, storage: MediaStorage): Omit<StoreDetails, Derived> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    address: row.address,
    location: row.location,
    is_accepting_orders: row.isAcceptingOrders,
    paused_until: row.pausedUntil?.toISOString() ?? null,
    extra_prep_minutes: row.extraPrepMinutes,
    extra_prep_until: row.extraPrepUntil?.toISOString() ?? null,
    rating: { average: Math.round(row.ratingAvg * 10) / 10, count: row.ratingCount },
    categories: row.categorySlugs,
    min_order_paise: row.minOrderPaise,
    logo: row.logo ? toImageSet(row.logo, storage) : null,
    phone: row.phone,
    delivery_radius_km: row.deliveryRadiusM / 1000,
    time_zone: row.timeZone,
    opening_hours: row.openingHours,
    cover: row.cover ? toImageSet(row.cover, storage) : null,
    accepts_cash: row.acceptsCash,
    accepts_online: row.acceptsOnline,
    version: row.version,
    updated_at: row.updatedAt.toISOString(),
  };
}

/** Open or closed at `now`: within its hours, and not switched off by the seller. */
export function openStatus(store: Hours, now: Date) {
  const hours = store.is_accepting_orders ? openingStatus(store.opening_hours, store.time_zone, now) : undefined;
  return {
    is_open_now: hours?.isOpen ?? false,
    closes_at: hours?.closesAt?.toISOString() ?? null,
    opens_at: hours?.opensAt?.toISOString() ?? null,
  };
}

/** What of busy mode is still on at `now`: a pause or extra time whose end has passed is off. */
export function busyStatus(busy: Busy, now: Date): Busy {
  const on = (until: string | null) => until !== null && Date.parse(until) > now.getTime();
  const extra = on(busy.extra_prep_until);
  return {
    paused_until: on(busy.paused_until) ? busy.paused_until : null,
    extra_prep_minutes: extra ? busy.extra_prep_minutes : 0,
    extra_prep_until: extra ? busy.extra_prep_until : null,
  };
}

/** What answering a store depends on besides the store: the time, and whether the platform takes online payments. */
export interface ViewContext {
  now: Date;
  onlinePayments: boolean;
}

export const storeDetailsView = (
  snapshot: ReturnType<typeof storeDetailsSnapshot>,
  { now, onlinePayments }: ViewContext,
): StoreDetails => ({
  ...snapshot,
  ...openStatus(snapshot, now),
  ...busyStatus(snapshot, now),
  payment_methods: paymentMethodsOf(snapshot, onlinePayments),
});

/** A nearby-store card: the details a list needs, with the hours and payment switches kept aside for the view. */
export type NearbySnapshot = Omit<
  NearbyStore,
  'is_open_now' | 'closes_at' | 'opens_at' | 'eta_minutes' | 'payment_methods'
> &
  Hours &
  Takes;

export function nearbyStoreView(
  { opening_hours, time_zone, accepts_cash, accepts_online, ...card }: NearbySnapshot,
  { now, onlinePayments }: ViewContext,
): NearbyStore {
  const busy = busyStatus(card, now);
  return {
    ...card,
    ...openStatus({ opening_hours, time_zone, is_accepting_orders: card.is_accepting_orders }, now),
    ...busy,
    eta_minutes: deliveryEtaMinutes(card.distance_m, PREPARATION_MINUTES + busy.extra_prep_minutes),
    payment_methods: paymentMethodsOf({ accepts_cash, accepts_online }, onlinePayments),
  };
}
