import {
  activeStatuses,
  errorBody,
  idParams,
  locationBatchRequest,
  locationBatchResult,
  order,
  riderAssignments,
  riderEarningPaise,
  riderEarnings,
  riderStatus,
  riderStatusRequest,
} from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../accounts/auth';
import { setRiderAvailability } from '../accounts/users';
import { deliveredBy, listOrders } from '../orders/order-queries';
import { notFound } from '../platform/http/errors';
import { acceptOffer, type DispatchDeps, declineOffer, openOffersOf } from './dispatch';
import type { PositionIngest } from './positions';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** What a rider's phone sends: whether they take work, and where they are. */
export const riderRoutes: FastifyPluginAsyncZod<DispatchDeps & { positions: PositionIngest }> = async (app, deps) => {
  const { db, positions } = deps;
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
    async (request) => positions.record(currentUser(request).id, request.body.points),
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
        listOrders(db, rider, { status: [...activeStatuses], limit: 100 }),
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

  app.get(
    '/rider/earnings',
    {
      schema: {
        tags,
        summary: 'What you earned today and over the last seven days',
        response: { 200: riderEarnings, ...errors },
      },
    },
    async (request) => {
      const now = new Date();
      const delivered = await deliveredBy(db, currentUser(request).id, new Date(now.getTime() - 7 * 24 * 3600_000));
      const deliveries = delivered.map((order) => ({
        order_id: order.id,
        delivered_at: order.deliveredAt.toISOString(),
        distance_m: order.distanceM,
        earning_paise: riderEarningPaise(order.distanceM),
      }));
      // "Today" in the town's time zone, where riders work.
      const day = (date: Date) => date.toLocaleDateString('en-CA', { timeZone: 'Asia/Kolkata' });
      const today = deliveries.filter((d) => day(new Date(d.delivered_at)) === day(now));
      const sum = (list: typeof deliveries) => list.reduce((total, d) => total + d.earning_paise, 0);
      return { today_paise: sum(today), week_paise: sum(deliveries), deliveries };
    },
  );
};
