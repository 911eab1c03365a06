import { channels, routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { broadcast } from '../platform/broadcast';
import type { Bus } from '../platform/bus';
import { AppError } from '../platform/http/errors';
import { route } from '../platform/http/route';
import { setBusyMode } from './busy-mode';
import { createSellerStore, StaleStoreError, sellerStore, updateSellerStore } from './seller-store';
import { type StoreDeps, storeChanged } from './store-cache';
import { type StoreRow, storeDetailsSnapshot, storeDetailsView } from './store-view';

/** A seller's own store: opened once, right after sign-up, then kept up to date. */
export const sellerStoreRoutes: FastifyPluginAsync<StoreDeps & { bus: Bus }> = async (
  app,
  { db, cache, storage, bus, onlinePayments },
) => {
  const view = (row: StoreRow) =>
    storeDetailsView(storeDetailsSnapshot(row, storage), { now: new Date(), onlinePayments });
  /** After a change: caches dropped, and the seller's other devices told on the store's channel. */
  const changed = async (row: StoreRow) => {
    await storeChanged(cache, row.id);
    const store = view(row);
    await broadcast(bus, channels.store(row.id), { type: 'store', store });
    return store;
  };

  route(app, routes.createMyStore, async ({ user, body }) => changed(await createSellerStore(db, user.id, body)));
  route(app, routes.getMyStore, async ({ user }) => view(await sellerStore(db, user.id)));
  route(app, routes.updateMyStore, async ({ user, body }) => {
    const row = await updateSellerStore(db, user.id, body, { onlinePayments }).catch((error: unknown) => {
      if (error instanceof StaleStoreError)
        throw new AppError(409, 'CONFLICT', error.message, { current: view(error.current) });
      throw error;
    });
    return changed(row);
  });
  route(app, routes.setBusyMode, async ({ user, body }) => changed(await setBusyMode(db, user.id, body)));
};
