import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../platform/db';
import { route } from '../platform/http/route';
import { sellerStore } from '../stores/seller-store';
import { sellerPayouts } from './payouts';

/** What a seller's own shop is owed (found by the seller, so no other shop can be asked for). */
export const payoutRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  route(app, routes.sellerPayouts, async ({ user, query }) =>
    sellerPayouts(db, await sellerStore(db, user.id), query.days),
  );
};
