import type { Address, CreateAddressRequest, UpdateAddressRequest } from '@kupwara/shared';
import { and, count, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { AppError, notFound } from '../platform/http/errors';
import { newId } from '../platform/ids';
import { addresses, users } from './tables';

export const MAX_ADDRESSES = 20;

type AddressRow = typeof addresses.$inferSelect;

const toAddress = (row: AddressRow): Address => ({
  id: row.id,
  label: row.label,
  text: row.text,
  location: row.location,
  landmark: row.landmark,
  is_default: row.isDefault,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

// Every query names the owner: an address of someone else is simply not found.
const owned = (userId: string, id: string) => and(eq(addresses.id, id), eq(addresses.userId, userId));

export async function listAddresses(db: Db, userId: string): Promise<Address[]> {
  const rows = await db
    .select()
    .from(addresses)
    .where(eq(addresses.userId, userId))
    .orderBy(desc(addresses.isDefault), desc(addresses.updatedAt), desc(addresses.id));
  return rows.map(toAddress);
}

/** Serializes one user's address changes, so two at once cannot both become the default or pass the limit. */
const lockOwner = (db: Db, userId: string) =>
  db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');

/** Makes room for a new default: the unique index allows one default per user. */
const clearDefault = (db: Db, userId: string) =>
  db
    .update(addresses)
    .set({ isDefault: false })
    .where(and(eq(addresses.userId, userId), eq(addresses.isDefault, true)));

export async function createAddress(db: Db, userId: string, input: CreateAddressRequest): Promise<Address> {
  return db.transaction(async (tx) => {
    await lockOwner(tx, userId);
    const [existing] = await tx.select({ n: count() }).from(addresses).where(eq(addresses.userId, userId));
    const n = Number(existing?.n ?? 0);
    if (n >= MAX_ADDRESSES) {
      throw new AppError(409, 'CONFLICT', `You can keep up to ${MAX_ADDRESSES} addresses: remove one first`);
    }
    // The first address is the default whatever was asked; a later one only when asked.
    const isDefault = n === 0 || input.is_default === true;
    if (isDefault) await clearDefault(tx, userId);
    const [row] = await tx
      .insert(addresses)
      .values({
        id: newId(),
        userId,
        label: input.label,
        text: input.text,
        location: input.location,
        landmark: input.landmark || null,
        isDefault,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return toAddress(row);
  });
}

export async function updateAddress(db: Db, userId: string, id: string, input: UpdateAddressRequest) {
  return db.transaction(async (tx) => {
    await lockOwner(tx, userId);
    const [target] = await tx.select({ id: addresses.id }).from(addresses).where(owned(userId, id)).for('update');
    if (!target) throw notFound('Address');
    if (input.is_default) await clearDefault(tx, userId);
    const [row] = await tx
      .update(addresses)
      .set({
        label: input.label,
        text: input.text,
        location: input.location,
        // An empty landmark clears the saved one; none sent keeps it.
        landmark: input.landmark === undefined ? undefined : input.landmark || null,
        isDefault: input.is_default,
        updatedAt: new Date(),
      })
      .where(owned(userId, id))
      .returning();
    if (!row) throw notFound('Address');
    return toAddress(row);
  });
}

/** Deleting the default hands the role to the most recently used of the others, if any. */
export async function deleteAddress(db: Db, userId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOwner(tx, userId);
    const [removed] = await tx.delete(addresses).where(owned(userId, id)).returning({ isDefault: addresses.isDefault });
    if (!removed) throw notFound('Address');
    if (!removed.isDefault) return;
    const [next] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(and(eq(addresses.userId, userId), ne(addresses.id, id)))
      .orderBy(desc(addresses.updatedAt), desc(addresses.id))
      .limit(1);
    if (next) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id));
  });
}
