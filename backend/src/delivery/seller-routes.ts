import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../platform/db';
import { route } from '../platform/http/route';
import { sellerOrderRider } from './seller-rider';

/** What a shop sees of the riders who come for its orders. */
export const sellerDeliveryRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  route(app, routes.sellerOrderRider, async ({ user, params }) => sellerOrderRider(db, user, params.id));
};
