import { createStoreRequest, errorBody, sellerStore } from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../accounts/auth';
import type { Db } from '../platform/db';
import { notFound } from '../platform/http/errors';
import { createSellerStore, getSellerStore } from './seller-store';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** A seller's own store: opened once, right after sign-up. */
export const sellerStoreRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.addHook('onRequest', app.requireRole('seller'));
  const tags = ['seller'];

  app.post(
    '/seller/store',
    {
      schema: { tags, summary: 'Open your store', body: createStoreRequest, response: { 201: sellerStore, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await createSellerStore(db, currentUser(request).id, request.body)),
  );

  app.get(
    '/seller/store',
    { schema: { tags, summary: 'Your store', response: { 200: sellerStore, ...errors } } },
    async (request) => {
      const store = await getSellerStore(db, currentUser(request).id);
      if (!store) throw notFound('Store');
      return store;
    },
  );
};
