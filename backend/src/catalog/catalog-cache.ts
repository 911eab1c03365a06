import type { Product, ProductListQuery } from '@kupwara/shared';
import type { Cache } from '../platform/cache';
import { bumpGeneration, generation, keyDigest, remember } from '../platform/cache';
import type { Db } from '../platform/db';
import type { MediaStorage } from '../platform/media/storage';
import { storeGeneration } from '../stores/store-cache';
import { productPage } from './product-pages';
import { productView } from './product-view';

// A store's catalog pages are stale when the store or its products change: they follow the
// store's generation (stores/store-cache.ts), as its cached details do.
const STORE_TTL = 300;

export interface CatalogDeps {
  db: Db;
  cache: Cache;
  storage: MediaStorage;
}

export async function cachedProductPage({ db, cache, storage }: CatalogDeps, storeId: string, query: ProductListQuery) {
  const gen = await generation(cache, storeGeneration(storeId));
  return remember(cache, `products:${storeId}:${gen}:${keyDigest(query)}`, STORE_TTL, async () => {
    const page = await productPage(db, storeId, query);
    return { items: page.rows.map((row): Product => productView(row, storage)), next_cursor: page.nextCursor };
  });
}

/** After any change to a store's products. */
export const catalogChanged = (cache: Cache, storeId: string) => bumpGeneration(cache, storeGeneration(storeId));
