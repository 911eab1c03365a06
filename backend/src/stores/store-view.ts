import { type NearbyStore, type OpeningHours, openingStatus, type StoreDetails } from '@kupwara/shared';
import { toImageSet } from '../platform/media/image-set';
import type { MediaStorage } from '../platform/media/storage';
import type { stores } from './tables';

export type StoreRow = typeof stores.$inferSelect;

interface Hours {
  opening_hours: OpeningHours;
  time_zone: string;
  is_accepting_orders: boolean;
}

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

export const storeDetailsView = (snapshot: ReturnType<typeof storeDetailsSnapshot>, now: Date): StoreDetails => ({
  ...snapshot,
  ...openStatus(snapshot, now),
});

/** A nearby-store card: the details a list needs, with the hours kept aside for the open status. */
export type NearbySnapshot = Omit<NearbyStore, 'is_open_now' | 'closes_at' | 'opens_at'> & Hours;

export function nearbyStoreView({ opening_hours, time_zone, ...card }: NearbySnapshot, now: Date): NearbyStore {
  return { ...card, ...openStatus({ opening_hours, time_zone, is_accepting_orders: card.is_accepting_orders }, now) };
}
