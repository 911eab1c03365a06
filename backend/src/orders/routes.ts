import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { route, stored } from '../platform/http/route';
import { getOrder, listOrders } from './order-queries';
import { placeOrder } from './placement';
import { markSeen } from './seen';
import { type OrderDeps, transitionOrder } from './transitions';

export const orderRoutes: FastifyPluginAsync<OrderDeps> = async (app, deps) => {
  route(app, routes.placeOrder, async ({ user, headers, body }) =>
    stored(await placeOrder(deps, user.id, headers['idempotency-key'], body)),
  );

  route(app, routes.listOrders, async ({ user, query }) => listOrders(deps.db, user, query));

  route(app, routes.getOrder, async ({ user, params }) => {
    const order = await getOrder(deps.db, user, params.id);
    // The ledger is the customer's own money and an operator's business; the shop and the rider see the state only.
    if (deps.paymentHistory && (user.role === 'customer' || user.role === 'admin')) {
      order.payment.history = await deps.paymentHistory(deps.db, order.id);
    }
    return order;
  });

  route(app, routes.markOrderSeen, async ({ user, params }) => markSeen(deps, user, params.id));

  route(app, routes.transitionOrder, async ({ user, headers, params, body }) =>
    stored(await transitionOrder(deps, user, params.id, body, headers['idempotency-key'])),
  );
};
