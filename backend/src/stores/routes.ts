import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../platform/http/errors';
import { route } from '../platform/http/route';
import { cachedNearbyStores, cachedStoreDetails, type StoreDeps } from './store-cache';
import { nearbyStoreView, storeDetailsView } from './store-view';

/** Public: shops that deliver to a point, nearest first, and one shop's details. */
export const storeRoutes: FastifyPluginAsync<StoreDeps> = async (app, deps) => {
  route(app, routes.nearbyStores, async ({ query }) => {
    const page = await cachedNearbyStores(deps, query);
    const context = { now: new Date(), onlinePayments: deps.onlinePayments };
    return { items: page.items.map((store) => nearbyStoreView(store, context)), next_cursor: page.next_cursor };
  });

  route(app, routes.getStore, async ({ params }) => {
    const snapshot = await cachedStoreDetails(deps, params.id);
    if (!snapshot) throw notFound('Store');
    return storeDetailsView(snapshot, { now: new Date(), onlinePayments: deps.onlinePayments });
  });
};
