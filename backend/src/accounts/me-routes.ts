import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../platform/db';
import { route } from '../platform/http/route';
import { createAddress, deleteAddress, listAddresses, updateAddress } from './addresses';
import { profileOf, updateMe } from './users';

/** The caller's own profile, and a customer's delivery addresses. */
export const meRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  route(app, routes.getMe, async ({ user }) => profileOf(db, user.id));

  route(app, routes.updateMe, async ({ user, body }) => updateMe({ db, revoked: app.revokedLogins }, user, body));

  route(app, routes.listAddresses, async ({ user }) => ({
    items: await listAddresses(db, user.id),
    next_cursor: null,
  }));

  route(app, routes.createAddress, async ({ user, body }) => createAddress(db, user.id, body));

  route(app, routes.updateAddress, async ({ user, params, body }) => updateAddress(db, user.id, params.id, body));

  route(app, routes.deleteAddress, async ({ user, params }) => {
    await deleteAddress(db, user.id, params.id);
    return null;
  });
};
