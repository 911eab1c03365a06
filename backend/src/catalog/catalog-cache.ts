import { createHash } from 'node:crypto';
import type { NearbyStoresQuery, Product, ProductListQuery } from '@kupwara/shared';
import type { Cache } from '../platform/cache';
import { bumpGeneration, generation, remember } from '../platform/cache';
import type { Db } from '../platform/db';
import { findNearbyStores, nearbySnapshot } from '../stores/nearby-stores';
import { findStore } from '../stores/seller-store';
import { type NearbySnapshot, storeDetailsSnapshot } from '../stores/store-view';
import type { MediaStorage } from './images/storage';
import { productPage } from './product-pages';
import { productView } from './product-view';

// What is cached, and what makes it stale:
//   nearby store lists: any store's change (generation "stores"), or 60 s;
//   a store's details and catalog pages: that store's or its products' change (generation "store:{id}").
const LIST_TTL = 60;
const STORE_TTL = 300;

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

export interface CatalogDeps {
  db: Db;
  cache: Cache;
  storage: MediaStorage;
}

export async function cachedNearbyStores({ db, cache, storage }: CatalogDeps, query: NearbyStoresQuery) {
  // Points are kept to about a metre, so a refresh from the same doorstep is a hit.
  const key = { ...query, lat: Math.round(query.lat * 1e5) / 1e5, lng: Math.round(query.lng * 1e5) / 1e5 };
  const gen = await generation(cache, 'stores');
  return remember(cache, `stores:${gen}:${digest(key)}`, LIST_TTL, async () => {
    const page = await findNearbyStores(db, key);
    return {
      items: page.rows.map((row): NearbySnapshot => nearbySnapshot(row, storage)),
      next_cursor: page.nextCursor,
    };
  });
}

export async function cachedStoreDetails({ db, cache, storage }: CatalogDeps, storeId: string) {
  const gen = await generation(cache, `store:${storeId}`);
  const snapshot = await remember(cache, `store:${storeId}:${gen}`, STORE_TTL, async () => {
    const row = await findStore(db, storeId);
    return row ? storeDetailsSnapshot(row, storage) : null;
  });
  return snapshot ?? undefined;
}

export async function cachedProductPage({ db, cache, storage }: CatalogDeps, storeId: string, query: ProductListQuery) {
  const gen = await generation(cache, `store:${storeId}`);
  return remember(cache, `products:${storeId}:${gen}:${digest(query)}`, STORE_TTL, async () => {
    const page = await productPage(db, storeId, query);
    return { items: page.rows.map((row): Product => productView(row, storage)), next_cursor: page.nextCursor };
  });
}

/** After any change to a store's profile, hours or switch: its details and every area list. */
export async function storeChanged(cache: Cache, storeId: string) {
  await Promise.all([bumpGeneration(cache, 'stores'), bumpGeneration(cache, `store:${storeId}`)]);
}

/** After any change to a store's products. */
export const catalogChanged = (cache: Cache, storeId: string) => bumpGeneration(cache, `store:${storeId}`);
