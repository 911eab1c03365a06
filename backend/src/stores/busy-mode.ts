import { type BusyModeRequest, nextOpening, openingStatus } from '@kupwara/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { AppError, notFound } from '../platform/http/errors';
import type { StoreRow } from './store-view';
import { stores } from './tables';

const MINUTE = 60_000;

type BusyColumns = Pick<StoreRow, 'pausedUntil' | 'extraPrepMinutes' | 'extraPrepUntil'>;
const off: BusyColumns = { pausedUntil: null, extraPrepMinutes: 0, extraPrepUntil: null };

/**
 * What busy mode a request turns on, and until when: one mode at a time, and never without an
 * end. Extra preparation time ends after its minutes or when the shop's current hours end,
 * whichever is first, so a rush left on does not carry into the next day.
 */
export function busyColumns(
  store: Pick<StoreRow, 'openingHours' | 'timeZone'>,
  request: BusyModeRequest,
  now: Date,
): BusyColumns {
  const after = (minutes: number) => new Date(now.getTime() + Math.round(minutes * MINUTE));
  switch (request.mode) {
    case 'off':
      return off;
    case 'pause':
      return { ...off, pausedUntil: after(request.minutes) };
    case 'pause_until_opening': {
      const opening = nextOpening(store.openingHours, store.timeZone, now);
      if (!opening) {
        throw new AppError(409, 'CONFLICT', 'Your hours have no next opening within a week: pause for a time instead');
      }
      return { ...off, pausedUntil: opening };
    }
    case 'extra_prep': {
      const closes = openingStatus(store.openingHours, store.timeZone, now).closesAt;
      const end = after(request.minutes);
      return {
        ...off,
        extraPrepMinutes: request.extra_minutes,
        extraPrepUntil: closes && closes < end ? closes : end,
      };
    }
  }
}

/** Sets the seller's busy mode (not against a version: the last choice wins, like a switch). */
export async function setBusyMode(db: Db, sellerId: string, request: BusyModeRequest, now = new Date()) {
  const [store] = await db
    .select({ openingHours: stores.openingHours, timeZone: stores.timeZone })
    .from(stores)
    .where(eq(stores.sellerId, sellerId));
  if (!store) throw notFound('Store');
  const [row] = await db
    .update(stores)
    .set({ ...busyColumns(store, request, now), version: sql`${stores.version} + 1`, updatedAt: now })
    .where(eq(stores.sellerId, sellerId))
    .returning();
  if (!row) throw notFound('Store');
  return row;
}
