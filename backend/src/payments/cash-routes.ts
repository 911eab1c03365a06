import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { contactOf } from '../accounts/users';
import type { Bus } from '../platform/bus';
import type { Db } from '../platform/db';
import { notFound } from '../platform/http/errors';
import { route, stored } from '../platform/http/route';
import { wakeRunners } from '../platform/jobs';
import { recordCashSettlement, riderCash } from './cash';

/** The cash riders take at doors: their own, an operator's view of anyone's, and the hand-overs operators record. */
export const cashRoutes: FastifyPluginAsync<{ db: Db; bus: Bus }> = async (app, { db, bus }) => {
  route(app, routes.riderCash, async ({ user }) => riderCash(db, user.id));

  route(app, routes.riderCashOfRider, async ({ params }) => {
    if ((await contactOf(db, params.id))?.role !== 'rider') throw notFound('Rider');
    return riderCash(db, params.id);
  });

  route(app, routes.recordCashSettlement, async ({ user, params, body, headers }) => {
    const answer = await recordCashSettlement(db, user.id, params.id, body, headers['idempotency-key']);
    // The rider's notification was written with it: the push sender may go.
    if (!answer.replayed) await wakeRunners(bus);
    return stored(answer);
  });
};
