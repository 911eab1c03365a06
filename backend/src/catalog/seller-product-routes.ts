import {
  bulkStockRequest,
  createProductRequest,
  errorBody,
  idParams,
  product,
  productList,
  updateProductRequest,
  versionQuery,
} from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../accounts/auth';
import { AppError } from '../platform/http/errors';
import { storeIdOfSeller } from '../stores/seller-store';
import { type CatalogDeps, catalogChanged } from './catalog-cache';
import { createProduct, deleteProduct, StaleProductError, setStock, updateProduct } from './inventory';
import { productView } from './product-view';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** A seller's inventory. Edits carry the version the seller saw; the server's copy wins a conflict. */
export const sellerProductRoutes: FastifyPluginAsyncZod<CatalogDeps> = async (app, { db, cache, storage }) => {
  app.addHook('onRequest', app.requireRole('seller'));
  const tags = ['seller'];

  /** Runs a write on the caller's store, refreshes the catalog cache, and turns a stale version into a 409 with the current products. */
  async function onOwnStore<T>(sellerId: string, write: (storeId: string) => Promise<T>): Promise<T> {
    const storeId = await storeIdOfSeller(db, sellerId);
    try {
      const result = await write(storeId);
      await catalogChanged(cache, storeId);
      return result;
    } catch (error) {
      if (!(error instanceof StaleProductError)) throw error;
      const current = error.current.map((row) => productView(row, storage));
      throw new AppError(409, 'CONFLICT', error.message, { current: error.list ? current : current[0] });
    }
  }

  app.post(
    '/seller/products',
    { schema: { tags, summary: 'Add a product', body: createProductRequest, response: { 201: product, ...errors } } },
    async (request, reply) => {
      const row = await onOwnStore(currentUser(request).id, (storeId) => createProduct(db, storeId, request.body));
      return reply.status(201).send(productView(row, storage));
    },
  );

  app.patch(
    '/seller/products/:id',
    {
      schema: {
        tags,
        summary: 'Change a product: send the version you last saw',
        params: idParams,
        body: updateProductRequest,
        response: { 200: product, ...errors },
      },
    },
    async (request) => {
      const row = await onOwnStore(currentUser(request).id, (storeId) =>
        updateProduct(db, storeId, request.params.id, request.body),
      );
      return productView(row, storage);
    },
  );

  app.delete(
    '/seller/products/:id',
    {
      schema: {
        tags,
        summary: 'Remove a product from the catalog',
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await onOwnStore(currentUser(request).id, (storeId) =>
        deleteProduct(db, storeId, request.params.id, request.query.version),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/seller/products/stock',
    {
      schema: {
        tags,
        summary: 'Set the stock of many products at once: all or none',
        body: bulkStockRequest,
        response: { 200: productList, ...errors },
      },
    },
    async (request) => {
      const rows = await onOwnStore(currentUser(request).id, (storeId) => setStock(db, storeId, request.body.items));
      return { items: rows.map((row) => productView(row, storage)) };
    },
  );
};
