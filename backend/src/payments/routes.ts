import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { route } from '../platform/http/route';
import { startPayment } from './checkout';
import type { PaymentDeps } from './deps';
import { verifyPayment } from './verify';

export const paymentRoutes: FastifyPluginAsync<PaymentDeps> = async (app, deps) => {
  route(app, routes.startPayment, async ({ user, params }) => startPayment(deps, user.id, params.id));

  route(app, routes.verifyPayment, async ({ user, params, body }) => verifyPayment(deps, user, params.id, body));
};
