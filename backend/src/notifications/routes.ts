import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../platform/db';
import { route } from '../platform/http/route';
import { deleteDevice, registerDevice } from './devices';
import { listNotifications, markAllRead, markRead } from './list';

/** What each person was told and which of it they have read, and the phones their pushes go to. */
export const notificationRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  route(app, routes.notifications, async ({ user, query }) => listNotifications(db, user.id, query));
  route(app, routes.markNotificationsRead, async ({ user, body }) => markRead(db, user.id, body.ids));
  route(app, routes.markAllNotificationsRead, async ({ user, body }) => markAllRead(db, user.id, body.up_to));
  route(app, routes.registerDevice, async ({ user, body }) =>
    registerDevice(db, { userId: user.id, sessionId: user.sessionId }, body),
  );
  route(app, routes.deleteDevice, async ({ user, params }) => {
    await deleteDevice(db, user.id, params.token);
    return null;
  });
};
