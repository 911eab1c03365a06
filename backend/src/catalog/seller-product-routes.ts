import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../platform/http/errors';
import { route, stored } from '../platform/http/route';
import { runOnce } from '../platform/idempotency';
import { storeIdOfSeller } from '../stores/seller-store';
import { type CatalogDeps, catalogChanged } from './catalog-cache';
import { createProduct, deleteProduct, StaleProductError, setStock, updateProduct } from './inventory';
import { productPage } from './product-pages';
import { type ProductRow, productView } from './product-view';

/**
 * A seller's inventory. Edits carry the version the seller saw; the server's copy wins a conflict.
 * An edit sent with an Idempotency-Key (the app's queue always sends one) is applied once: a repeat
 * after a lost answer gets the first answer, not a conflict with itself.
 */
export const sellerProductRoutes: FastifyPluginAsync<CatalogDeps> = async (app, { db, cache, storage }) => {
  const view = (row: ProductRow) => productView(row, storage);

  /** A stale version as the 409 the app resolves with: the products as they are now. */
  const staleAsConflict = (error: unknown): never => {
    if (!(error instanceof StaleProductError)) throw error;
    const current = error.current.map(view);
    throw new AppError(409, 'CONFLICT', error.message, { current: error.list ? current : current[0] });
  };

  // Not cached: the seller must see their own edits at once, and hidden products are theirs alone.
  route(app, routes.sellerProducts, async ({ user, query }) => {
    const storeId = await storeIdOfSeller(db, user.id);
    const page = await productPage(db, storeId, query, { hidden: 'included' });
    return { items: page.rows.map(view), next_cursor: page.nextCursor };
  });

  route(app, routes.createProduct, async ({ user, body }) => {
    const row = await createProduct(db, user.id, body);
    await catalogChanged(cache, row.storeId);
    return view(row);
  });

  route(app, routes.updateProduct, async ({ user, params, headers, body }) => {
    const request = {
      userId: user.id,
      key: headers['idempotency-key'],
      method: 'PATCH',
      path: `/seller/products/${params.id}`,
      body,
    };
    const answer = await runOnce(db, request, async (tx) => ({
      statusCode: 200,
      body: view(await updateProduct(tx, user.id, params.id, body)),
    })).catch(staleAsConflict);
    await catalogChanged(cache, answer.body.store_id);
    return stored(answer);
  });

  route(app, routes.deleteProduct, async ({ user, params, query }) => {
    const { storeId } = await deleteProduct(db, user.id, params.id, query.version).catch(staleAsConflict);
    await catalogChanged(cache, storeId);
    return null;
  });

  route(app, routes.setStock, async ({ user, headers, body }) => {
    const request = {
      userId: user.id,
      key: headers['idempotency-key'],
      method: 'POST',
      path: '/seller/products/stock',
      body,
    };
    const answer = await runOnce(db, request, async (tx) => ({
      statusCode: 200,
      body: { items: (await setStock(tx, user.id, body.items)).map(view) },
    })).catch(staleAsConflict);
    // All of one seller's store, so the first row names it.
    const first = answer.body.items[0];
    if (first) await catalogChanged(cache, first.store_id);
    return stored(answer);
  });
};
