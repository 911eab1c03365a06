import type { Device, RegisterDeviceRequest } from '@kupwara/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { notFound } from '../platform/http/errors';
import { devices } from './tables';

const view = (row: typeof devices.$inferSelect): Device => ({
  expo_push_token: row.expoPushToken,
  platform: row.platform,
  app: row.app,
  locale: row.locale,
  created_at: row.createdAt.toISOString(),
});

/**
 * This phone gets the signed-in person's pushes from now on. A token is one phone's app: if
 * someone else had it (they signed out without the network, then another person signed in there),
 * it moves to this person and that one gets nothing more on it.
 */
export async function registerDevice(
  db: Db,
  owner: { userId: string; sessionId: string },
  input: RegisterDeviceRequest,
  now = new Date(),
): Promise<Device> {
  const fields = {
    userId: owner.userId,
    sessionId: owner.sessionId,
    platform: input.platform,
    app: input.app,
    locale: input.locale,
    updatedAt: now,
  };
  const [row] = await db
    .insert(devices)
    .values({ expoPushToken: input.expo_push_token, ...fields, createdAt: now })
    .onConflictDoUpdate({ target: devices.expoPushToken, set: fields })
    .returning();
  if (!row) throw new Error('registering a device returned no row');
  return view(row);
}

/** Stops pushes to one of the person's own phones; someone else's token is not found. */
export async function deleteDevice(db: Db, userId: string, token: string): Promise<void> {
  const gone = await db
    .delete(devices)
    .where(and(eq(devices.expoPushToken, token), eq(devices.userId, userId)))
    .returning({ token: devices.expoPushToken });
  if (gone.length === 0) throw notFound('Device');
}

/** A login ended: the phone it ran on gets no more pushes. */
export const forgetSessionDevices = (db: Db, session: { sessionId: string }) =>
  db.delete(devices).where(eq(devices.sessionId, session.sessionId));
