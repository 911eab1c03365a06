import {
  deliveryEtaMinutes,
  type NearbyStore,
  type OpeningHours,
  openingStatus,
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

/** A store's details without anything that changes with the clock: this is what gets cached. */
export function storeDetailsSnapshot(
  row: StoreRow,
  storage: MediaStorage,
): Omit<StoreDetails, 'is_open_now' | 'closes_at' | 'opens_at'> {
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

export const storeDetailsView = (snapshot: ReturnType<typeof storeDetailsSnapshot>, now: Date): StoreDetails => ({
  ...snapshot,
  ...openStatus(snapshot, now),
  ...busyStatus(snapshot, now),
});

/** A nearby-store card: the details a list needs, with the hours kept aside for the open status. */
export type NearbySnapshot = Omit<NearbyStore, 'is_open_now' | 'closes_at' | 'opens_at' | 'eta_minutes'> & Hours;

export function nearbyStoreView({ opening_hours, time_zone, ...card }: NearbySnapshot, now: Date): NearbyStore {
  const busy = busyStatus(card, now);
  return {
    ...card,
    ...openStatus({ opening_hours, time_zone, is_accepting_orders: card.is_accepting_orders }, now),
    ...busy,
    eta_minutes: deliveryEtaMinutes(card.distance_m, PREPARATION_MINUTES + busy.extra_prep_minutes),
  };
}
