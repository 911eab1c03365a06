import type { NearbyStoresQuery } from '@kupwara/shared';
import type { Cache } from '../platform/cache';
import { bumpGeneration, generation, keyDigest, madeAnswers, remember } from '../platform/cache';
import type { Db } from '../platform/db';
import type { MediaStorage } from '../platform/media/storage';
import { findNearbyStores, nearbySnapshot } from './nearby-stores';
import { findStore } from './seller-store';
import { type NearbySnapshot, storeDetailsSnapshot } from './store-view';

// What is cached, and what makes it stale:
//   nearby store lists: any store's change (generation "stores"), or 60 s;
//   a store's details and catalog pages: that store's or its products' change (the store's
//   generation; the catalog's pages follow it too).
const LIST_TTL = 60;
const STORE_TTL = 300;

/** The generation of everything cached about one store: its details, and its catalog pages. */
export const storeGeneration = (storeId: string) => `store:${storeId}`;

export interface StoreDeps {
  db: Db;
  cache: Cache;
  storage: MediaStorage;
  /** Whether a payment gateway is configured: only then may a shop be paid online. */
  onlinePayments: boolean;
}

export interface NearbyPage {
  items: NearbySnapshot[];
  next_cursor: string | null;
}

async function nearbyKey(cache: Cache, query: NearbyStoresQuery) {
  // Points are kept to about a metre, so a refresh from the same doorstep is a hit.
  const rounded = { ...query, lat: Math.round(query.lat * 1e5) / 1e5, lng: Math.round(query.lng * 1e5) / 1e5 };
  const gen = await generation(cache, 'stores');
  return { key: `stores:${gen}:${keyDigest(rounded)}`, rounded };
}

function loadNearby(db: Db, storage: MediaStorage, query: NearbyStoresQuery) {
  return async (): Promise<NearbyPage> => {
    const page = await findNearbyStores(db, query);
    return { items: page.rows.map((row) => nearbySnapshot(row, storage)), next_cursor: page.nextCursor };
  };
}

/** An answer made from a cached list, and until when (ms) it reads the same: no shop opens, closes or leaves busy mode. */
export interface MadeAnswer<T> {
  value: T;
  until: number;
}

/**
 * Nearby lists answered from this process's memory while each answer still reads the same and its
 * list's generation is current: a popular point's repeat costs one Redis read (the generation)
 * instead of reading the list, parsing it, working out every shop's hours and serializing it.
 */
export function nearbyAnswers<T>(
  { db, cache, storage }: StoreDeps,
  make: (page: NearbyPage, now: Date) => MadeAnswer<T>,
) {
  const made = madeAnswers<T>();
  return async (query: NearbyStoresQuery, now: Date): Promise<T> => {
    const { key, rounded } = await nearbyKey(cache, query);
    const known = made.get(key, now);
    if (known !== undefined) return known;
    const answer = make(await remember(cache, key, LIST_TTL, loadNearby(db, storage, rounded)), now);
    made.set(key, answer.value, now, answer.until);
    return answer.value;
  };
}

export async function cachedStoreDetails({ db, cache, storage }: StoreDeps, storeId: string) {
  const gen = await generation(cache, storeGeneration(storeId));
  const snapshot = await remember(cache, `store:${storeId}:${gen}`, STORE_TTL, async () => {
    const row = await findStore(db, storeId);
    return row ? storeDetailsSnapshot(row, storage) : null;
  });
  return snapshot ?? undefined;
}

/** After any change to a store's profile, hours or switch: its details and every area list. */
export async function storeChanged(cache: Cache, storeId: string) {
  await Promise.all([bumpGeneration(cache, 'stores'), bumpGeneration(cache, storeGeneration(storeId))]);
}
