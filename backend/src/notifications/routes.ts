import { errorBody, notificationList, notificationListQuery } from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../accounts/auth';
import type { Db } from '../platform/db';
import { listNotifications } from './list';

/** What each person was told, for the app's notifications list. */
export const notificationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.addHook('onRequest', app.requireUser);
  app.get(
    '/me/notifications',
    {
      schema: {
        tags: ['me'],
        summary: 'What you were told, newest first',
        querystring: notificationListQuery,
        response: { 200: notificationList, 400: errorBody, 401: errorBody },
      },
    },
    async (request) => listNotifications(db, currentUser(request).id, request.query),
  );
};
