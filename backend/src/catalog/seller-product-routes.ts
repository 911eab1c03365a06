import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../platform/http/errors';
import { route } from '../platform/http/route';
import { type CatalogDeps, catalogChanged } from './catalog-cache';
import { createProduct, deleteProduct, StaleProductError, setStock, updateProduct } from './inventory';
import { type ProductRow, productView } from './product-view';

/** A seller's inventory. Edits carry the version the seller saw; the server's copy wins a conflict. */
export const sellerProductRoutes: FastifyPluginAsync<CatalogDeps> = async (app, { db, cache, storage }) => {
  const view = (row: ProductRow) => productView(row, storage);

  /** A stale version as the 409 the app resolves with: the products as they are now. */
  const staleAsConflict = (error: unknown): never => {
    if (!(error instanceof StaleProductError)) throw error;
    const current = error.current.map(view);
    throw new AppError(409, 'CONFLICT', error.message, { current: error.list ? current : current[0] });
  };

  route(app, routes.createProduct, async ({ user, body }) => {
    const row = await createProduct(db, user.id, body);
    await catalogChanged(cache, row.storeId);
    return view(row);
  });

  route(app, routes.updateProduct, async ({ user, params, body }) => {
    const row = await updateProduct(db, user.id, params.id, body).catch(staleAsConflict);
    await catalogChanged(cache, row.storeId);
    return view(row);
  });

  route(app, routes.deleteProduct, async ({ user, params, query }) => {
    const { storeId } = await deleteProduct(db, user.id, params.id, query.version).catch(staleAsConflict);
    await catalogChanged(cache, storeId);
    return null;
  });

  route(app, routes.setStock, async ({ user, body }) => {
    const rows = await setStock(db, user.id, body.items).catch(staleAsConflict);
    // All of one seller's store, so the first row names it.
    if (rows[0]) await catalogChanged(cache, rows[0].storeId);
    return { items: rows.map(view) };
  });
};
