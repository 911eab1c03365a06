import type { Product, ProductListQuery } from '@kupwara/shared';
import type { Cache } from '../platform/cache';
import { bumpGeneration, generation, keyDigest, madeAnswers, remember } from '../platform/cache';
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

export interface ProductPage {
  items: Product[];
  next_cursor: string | null;
}

/**
 * A shop's catalog page, cached, made into an answer by `make` once per page and generation in
 * this process: a repeat costs one Redis read (the store's generation), not a read, a parse and a
 * serialization of the page (the page reads the same until the shop or its products change).
 */
export function productPageAnswers<T>({ db, cache, storage }: CatalogDeps, make: (page: ProductPage) => T) {
  const made = madeAnswers<T>();
  return async (storeId: string, query: ProductListQuery, now: Date): Promise<T> => {
    const gen = await generation(cache, storeGeneration(storeId));
    const key = `products:${storeId}:${gen}:${keyDigest(query)}`;
    const known = made.get(key, now);
    if (known !== undefined) return known;
    const page = await remember(cache, key, STORE_TTL, async (): Promise<ProductPage> => {
      const rows = await productPage(db, storeId, query);
      return { items: rows.rows.map((row) => productView(row, storage)), next_cursor: rows.nextCursor };
    });
    const answer = make(page);
    made.set(key, answer, now);
    return answer;
  };
}

/** After any change to a store's products. */
export const catalogChanged = (cache: Cache, storeId: string) => bumpGeneration(cache, storeGeneration(storeId));
