import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../platform/db';
import { route } from '../platform/http/route';
import { sellerStore } from '../stores/seller-store';
import { storeAnalytics } from './store-analytics';

/** A seller's figures for their own store (found by the seller, so no other store can be asked for). */
export const analyticsRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  route(app, routes.getMyAnalytics, async ({ user, query }) => {
    const store = await sellerStore(db, user.id);
    return storeAnalytics(db, store, query.range);
  });
};
