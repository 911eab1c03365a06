import type { CreateStoreRequest, SellerStore } from '@kupwara/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { violatedUniqueConstraint } from '../platform/db-errors';
import { AppError } from '../platform/http/errors';
import { newId } from '../platform/ids';
import { stores } from './tables';

type StoreRow = typeof stores.$inferSelect;

const toSellerStore = (row: StoreRow): SellerStore => ({
  id: row.id,
  name: row.name,
  address: row.address,
  location: row.location,
  delivery_radius_km: row.deliveryRadiusM / 1000,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

export async function getSellerStore(db: Db, sellerId: string): Promise<SellerStore | undefined> {
  const [row] = await db.select().from(stores).where(eq(stores.sellerId, sellerId));
  return row ? toSellerStore(row) : undefined;
}

/** A seller opens their one store; a second attempt is a 409 naming the first. */
export async function createSellerStore(db: Db, sellerId: string, input: CreateStoreRequest): Promise<SellerStore> {
  try {
    const [row] = await db
      .insert(stores)
      .values({
        id: newId(),
        sellerId,
        name: input.name,
        address: input.address,
        location: input.location,
        deliveryRadiusM: Math.round(input.delivery_radius_km * 1000),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return toSellerStore(row);
  } catch (error) {
    if (violatedUniqueConstraint(error) !== 'stores_seller_key') throw error;
    const existing = await getSellerStore(db, sellerId);
    throw new AppError(409, 'CONFLICT', 'You already have a store', { store: existing });
  }
}
