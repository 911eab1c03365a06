import {
  address,
  addressList,
  createAddressRequest,
  errorBody,
  idParams,
  me,
  updateAddressRequest,
  updateMeRequest,
} from '@kupwara/shared';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../platform/db';
import { AppError } from '../platform/http/errors';
import { createAddress, deleteAddress, listAddresses, updateAddress } from './addresses';
import { currentUser } from './auth';
import { getMe, updateMe } from './users';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** The caller's own profile, and a customer's delivery addresses. */
export const meRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.addHook('onRequest', app.requireUser);
  const tags = ['me'];

  app.get('/me', { schema: { tags, summary: 'Your profile', response: { 200: me, ...errors } } }, async (request) => {
    const user = await getMe(db, currentUser(request).id);
    if (!user) throw new AppError(401, 'UNAUTHENTICATED', 'Your account no longer exists');
    return user;
  });

  app.patch(
    '/me',
    {
      schema: {
        tags,
        summary: 'Change your name, email, password or vehicle',
        body: updateMeRequest,
        response: { 200: me, ...errors },
      },
    },
    async (request) => updateMe(db, currentUser(request), request.body),
  );

  await app.register(async (scope) => {
    scope.addHook('onRequest', app.requireRole('customer'));
    const customer = scope.withTypeProvider<ZodTypeProvider>();
    const addressTags = ['addresses'];

    customer.get(
      '/me/addresses',
      {
        schema: {
          tags: addressTags,
          summary: 'Your delivery addresses, the default first',
          response: { 200: addressList, ...errors },
        },
      },
      async (request) => ({ items: await listAddresses(db, currentUser(request).id), next_cursor: null }),
    );

    customer.post(
      '/me/addresses',
      { schema: { tags: addressTags, body: createAddressRequest, response: { 201: address, ...errors } } },
      async (request, reply) => reply.status(201).send(await createAddress(db, currentUser(request).id, request.body)),
    );

    customer.patch(
      '/me/addresses/:id',
      {
        schema: {
          tags: addressTags,
          params: idParams,
          body: updateAddressRequest,
          response: { 200: address, ...errors },
        },
      },
      async (request) => updateAddress(db, currentUser(request).id, request.params.id, request.body),
    );

    customer.delete(
      '/me/addresses/:id',
      { schema: { tags: addressTags, params: idParams, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await deleteAddress(db, currentUser(request).id, request.params.id);
        return reply.status(204).send(null);
      },
    );
  });
};
