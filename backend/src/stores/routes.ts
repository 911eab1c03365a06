import { errorBody, idParams, nearbyStoreList, nearbyStoresQuery, storeDetails } from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../platform/http/errors';
import { cachedNearbyStores, cachedStoreDetails, type StoreDeps } from './store-cache';
import { nearbyStoreView, storeDetailsView } from './store-view';

/** Public: shops that deliver to a point, nearest first, and one shop's details. */
export const storeRoutes: FastifyPluginAsyncZod<StoreDeps> = async (app, deps) => {
  const tags = ['stores'];

  app.get(
    '/stores',
    {
      schema: {
        tags,
        summary: 'Shops whose delivery area reaches this point, nearest first',
        querystring: nearbyStoresQuery,
        response: { 200: nearbyStoreList, 400: errorBody },
      },
    },
    async (request) => {
      const page = await cachedNearbyStores(deps, request.query);
      const now = new Date();
      return { items: page.items.map((store) => nearbyStoreView(store, now)), next_cursor: page.next_cursor };
    },
  );

  app.get(
    '/stores/:id',
    {
      schema: {
        tags,
        summary: 'One shop',
        params: idParams,
        response: { 200: storeDetails, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const snapshot = await cachedStoreDetails(deps, request.params.id);
      if (!snapshot) throw notFound('Store');
      return storeDetailsView(snapshot, new Date());
    },
  );
};
