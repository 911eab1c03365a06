import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../platform/db';
import { route } from '../platform/http/route';
import { listNotifications } from './list';

/** What each person was told, for the app's notifications list. */
export const notificationRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  route(app, routes.notifications, async ({ user, query }) => listNotifications(db, user.id, query));
};
