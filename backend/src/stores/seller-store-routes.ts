import { createStoreRequest, errorBody, storeDetails, updateStoreRequest } from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../accounts/auth';
import { AppError, notFound } from '../platform/http/errors';
import { createSellerStore, getSellerStore, StaleStoreError, updateSellerStore } from './seller-store';
import { type StoreDeps, storeChanged } from './store-cache';
import { type StoreRow, storeDetailsSnapshot, storeDetailsView } from './store-view';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** A seller's own store: opened once, right after sign-up, then kept up to date. */
export const sellerStoreRoutes: FastifyPluginAsyncZod<StoreDeps> = async (app, deps) => {
  const { db, cache, storage } = deps;
  app.addHook('onRequest', app.requireRole('seller'));
  const tags = ['seller'];
  const view = (row: StoreRow) => storeDetailsView(storeDetailsSnapshot(row, storage), new Date());

  app.post(
    '/seller/store',
    {
      schema: {
        tags,
        summary: 'Open your store',
        body: createStoreRequest,
        response: { 201: storeDetails, ...errors },
      },
    },
    async (request, reply) => {
      const row = await createSellerStore(db, currentUser(request).id, request.body);
      await storeChanged(cache, row.id);
      return reply.status(201).send(view(row));
    },
  );

  app.get(
    '/seller/store',
    { schema: { tags, summary: 'Your store', response: { 200: storeDetails, ...errors } } },
    async (request) => {
      const row = await getSellerStore(db, currentUser(request).id);
      if (!row) throw notFound('Store');
      return view(row);
    },
  );

  app.patch(
    '/seller/store',
    {
      schema: {
        tags,
        summary: 'Change your store: send the version you last saw (409 with the current store if it changed since)',
        body: updateStoreRequest,
        response: { 200: storeDetails, ...errors },
      },
    },
    async (request) => {
      try {
        const row = await updateSellerStore(db, currentUser(request).id, request.body);
        await storeChanged(cache, row.id);
        return view(row);
      } catch (error) {
        if (error instanceof StaleStoreError)
          throw new AppError(409, 'CONFLICT', error.message, { current: view(error.current) });
        throw error;
      }
    },
  );
};
