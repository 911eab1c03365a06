import { errorBody, locationBatchRequest, locationBatchResult, riderStatus, riderStatusRequest } from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../accounts/auth';
import { setRiderAvailability } from '../accounts/users';
import type { Bus } from '../platform/bus';
import type { Db } from '../platform/db';
import { notFound } from '../platform/http/errors';
import { recordPositions } from './positions';
import { broadcastPosition } from './tracking';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** What a rider's phone sends: whether they take work, and where they are. */
export const riderRoutes: FastifyPluginAsyncZod<{ db: Db; bus: Bus }> = async (app, { db, bus }) => {
  app.addHook('onRequest', app.requireRole('rider'));
  const tags = ['rider'];

  app.post(
    '/rider/status',
    {
      schema: {
        tags,
        summary: 'Go online (offered deliveries) or offline',
        body: riderStatusRequest,
        response: { 200: riderStatus, ...errors },
      },
    },
    async (request) => {
      const online = request.body.status === 'online';
      if (!(await setRiderAvailability(db, currentUser(request).id, online))) throw notFound('Rider profile');
      return { status: request.body.status };
    },
  );

  app.post(
    '/rider/locations',
    {
      schema: {
        tags,
        summary: 'Positions, one or a buffered batch in any order: the newest believable one becomes yours',
        body: locationBatchRequest,
        response: { 200: locationBatchResult, ...errors },
      },
    },
    async (request) => {
      const { moved, ...result } = await recordPositions(db, currentUser(request).id, request.body.points);
      if (moved) await broadcastPosition(db, bus, moved);
      return result;
    },
  );
};
