import {
  errorBody,
  idParams,
  locationBatchRequest,
  locationBatchResult,
  order,
  riderAssignments,
  riderStatus,
  riderStatusRequest,
} from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../accounts/auth';
import { setRiderAvailability } from '../accounts/users';
import { listOrders } from '../orders/order-queries';
import { notFound } from '../platform/http/errors';
import { acceptOffer, type DispatchDeps, declineOffer, openOffersOf } from './dispatch';
import { recordPositions } from './positions';
import { broadcastPosition } from './tracking';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** What a rider's phone sends: whether they take work, and where they are. */
export const riderRoutes: FastifyPluginAsyncZod<DispatchDeps> = async (app, deps) => {
  const { db, bus } = deps;
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

  app.get(
    '/rider/assignments',
    {
      schema: {
        tags,
        summary: 'Your open offers and the deliveries you carry',
        response: { 200: riderAssignments, ...errors },
      },
    },
    async (request) => {
      const rider = currentUser(request);
      const [offers, deliveries] = await Promise.all([
        openOffersOf(db, rider.id),
        listOrders(db, rider, { status: ['RIDER_ASSIGNED', 'PICKED_UP', 'IN_TRANSIT'], limit: 100 }),
      ]);
      return { offers, deliveries: deliveries.items };
    },
  );

  app.post(
    '/rider/offers/:id/accept',
    {
      schema: {
        tags,
        summary: 'Take an offered delivery: the order becomes yours (409 if it is no longer open)',
        params: idParams,
        response: { 200: order, ...errors },
      },
    },
    async (request) => acceptOffer(deps, currentUser(request).id, request.params.id),
  );

  app.post(
    '/rider/offers/:id/decline',
    {
      schema: {
        tags,
        summary: 'Turn an offer down: it goes to the next nearest rider',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await declineOffer(deps, currentUser(request).id, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
