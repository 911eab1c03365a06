import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../platform/http/errors';
import { route } from '../platform/http/route';
import { createSellerStore, StaleStoreError, sellerStore, updateSellerStore } from './seller-store';
import { type StoreDeps, storeChanged } from './store-cache';
import { type StoreRow, storeDetailsSnapshot, storeDetailsView } from './store-view';

/** A seller's own store: opened once, right after sign-up, then kept up to date. */
export const sellerStoreRoutes: FastifyPluginAsync<StoreDeps> = async (app, { db, cache, storage }) => {
  const view = (row: StoreRow) => storeDetailsView(storeDetailsSnapshot(row, storage), new Date());

  route(app, routes.createMyStore, async ({ user, body }) => {
    const row = await createSellerStore(db, user.id, body);
    await storeChanged(cache, row.id);
    return view(row);
  });

  route(app, routes.getMyStore, async ({ user }) => view(await sellerStore(db, user.id)));

  route(app, routes.updateMyStore, async ({ user, body }) => {
    const row = await updateSellerStore(db, user.id, body).catch((error: unknown) => {
      if (error instanceof StaleStoreError)
        throw new AppError(409, 'CONFLICT', error.message, { current: view(error.current) });
      throw error;
    });
    await storeChanged(cache, row.id);
    return view(row);
  });
};
