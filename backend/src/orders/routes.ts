import {
  errorBody,
  idempotencyHeaders,
  idParams,
  optionalIdempotencyHeaders,
  order,
  orderList,
  orderListQuery,
  placeOrderRequest,
  transitionRequest,
} from '@kupwara/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../accounts/auth';
import type { IdempotentResponse } from '../platform/idempotency';
import { getOrder, listOrders } from './order-queries';
import { placeOrder } from './placement';
import { type OrderDeps, transitionOrder } from './transitions';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/** Sends a stored answer; a replay says so, for the client's log. */
const send = (reply: FastifyReply, answer: IdempotentResponse<unknown>) =>
  reply.status(answer.statusCode).header('idempotent-replayed', String(answer.replayed)).send(answer.body);

export const orderRoutes: FastifyPluginAsyncZod<OrderDeps> = async (app, deps) => {
  const tags = ['orders'];

  app.post(
    '/orders',
    {
      onRequest: app.requireRole('customer'),
      schema: {
        tags,
        summary: 'Place an order (send the prices you saw; replays of one Idempotency-Key place it once)',
        headers: idempotencyHeaders,
        body: placeOrderRequest,
        response: { 200: order, 201: order, ...errors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      return send(reply, await placeOrder(deps, currentUser(request).id, key, request.body));
    },
  );

  app.get(
    '/orders',
    {
      onRequest: app.requireUser,
      schema: {
        tags,
        summary: "Your orders, newest first: a customer's own, a seller's store's, a rider's deliveries",
        querystring: orderListQuery,
        response: { 200: orderList, ...errors },
      },
    },
    async (request) => listOrders(deps.db, currentUser(request), request.query),
  );

  app.get(
    '/orders/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags,
        summary: 'One order with its items and timeline',
        params: idParams,
        response: { 200: order, ...errors },
      },
    },
    async (request) => getOrder(deps.db, currentUser(request), request.params.id),
  );

  app.post(
    '/orders/:id/transitions',
    {
      onRequest: app.requireUser,
      schema: {
        tags,
        summary: 'Move an order one step (accept, reject, cancel, pick up, deliver …)',
        headers: optionalIdempotencyHeaders,
        params: idParams,
        body: transitionRequest,
        response: { 200: order, ...errors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      return send(reply, await transitionOrder(deps, currentUser(request), request.params.id, request.body, key));
    },
  );
};
