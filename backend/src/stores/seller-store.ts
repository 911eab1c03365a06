import type { CreateStoreRequest, LatLng, UpdateStoreRequest } from '@kupwara/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { violatedUniqueConstraint } from '../platform/db-errors';
import { AppError, notFound } from '../platform/http/errors';
import { newId } from '../platform/ids';
import type { StoredImage } from '../platform/media/stored-image';
import type { StoreRow } from './store-view';
import { stores } from './tables';

export async function findStore(db: Db, storeId: string): Promise<StoreRow | undefined> {
  const [row] = await db.select().from(stores).where(eq(stores.id, storeId));
  return row;
}

/** The id of the seller's store, or a 404 telling them to open one. */
export async function storeIdOfSeller(db: Db, sellerId: string): Promise<string> {
  const [row] = await storeIdOfSellerQuery(db, sellerId);
  if (!row) throw new AppError(404, 'NOT_FOUND', 'Open your store first');
  return row.id;
}

/** The seller's store id as a subquery, to scope another table's WHERE: `inArray(t.storeId, storeIdOfSellerQuery(db, id))`. */
export const storeIdOfSellerQuery = (db: Db, sellerId: string) =>
  db.select({ id: stores.id }).from(stores).where(eq(stores.sellerId, sellerId));

/**
 * A seller's edit of their store, if they saw its latest version; a 409 with the store as it is
 * otherwise. A change of the payment switches must leave the shop a way of being paid that the
 * platform offers (online only with a gateway): checked in the same UPDATE, against the values it
 * would write. An edit that leaves the switches alone is never refused for them.
 */
export async function updateSellerStore(
  db: Db,
  sellerId: string,
  input: UpdateStoreRequest,
  { onlinePayments }: { onlinePayments: boolean },
): Promise<StoreRow> {
  const { version, ...changes } = input;
  const switching = changes.accepts_cash !== undefined || changes.accepts_online !== undefined;
  const cash = changes.accepts_cash ?? stores.acceptsCash;
  const online = onlinePayments ? (changes.accepts_online ?? stores.acceptsOnline) : false;
  const payable = switching ? sql`(${cash} OR ${online})` : undefined;
  const [row] = await db
    .update(stores)
    .set({
      name: changes.name,
      description: changes.description,
      phone: changes.phone,
      address: changes.address,
      location: changes.location,
      deliveryRadiusM:
        changes.delivery_radius_km === undefined ? undefined : Math.round(changes.delivery_radius_km * 1000),
      timeZone: changes.time_zone,
      openingHours: changes.opening_hours,
      isAcceptingOrders: changes.is_accepting_orders,
      categorySlugs: changes.categories,
      minOrderPaise: changes.min_order_paise,
      acceptsCash: changes.accepts_cash,
      acceptsOnline: changes.accepts_online,
      version: sql`${stores.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(stores.sellerId, sellerId), eq(stores.version, version), payable))
    .returning();
  if (row) return row;
  const [current] = await db.select().from(stores).where(eq(stores.sellerId, sellerId));
  if (!current) throw notFound('Store');
  if (current.version !== version) throw new StaleStoreError(current);
  const available = onlinePayments ? ['cash', 'online'] : ['cash'];
  throw new AppError(
    422,
    'NO_PAYMENT_METHOD',
    onlinePayments
      ? 'Keep cash on delivery or online payment on: customers need a way to pay'
      : 'Keep cash on delivery on: online payments are not available yet, and customers need a way to pay',
    { available },
  );
}

/** A new logo or cover photo of the seller's store (the last upload wins: images are not edited against a version). */
export async function setStoreImage(
  db: Db,
  sellerId: string,
  kind: 'logo' | 'cover',
  image: StoredImage,
): Promise<StoreRow> {
  const [row] = await db
    .update(stores)
    .set({ [kind]: image, version: sql`${stores.version} + 1`, updatedAt: new Date() })
    .where(eq(stores.sellerId, sellerId))
    .returning();
  if (!row) throw notFound('Store');
  return row;
}

export class StaleStoreError extends AppError {
  constructor(readonly current: StoreRow) {
    super(409, 'CONFLICT', 'Your store was changed since you saw it');
  }
}

export async function findSellerStore(db: Db, sellerId: string): Promise<StoreRow | undefined> {
  const [row] = await db.select().from(stores).where(eq(stores.sellerId, sellerId));
  return row;
}

/** The seller's own store; 404 when they have none yet. */
export async function sellerStore(db: Db, sellerId: string): Promise<StoreRow> {
  const row = await findSellerStore(db, sellerId);
  if (!row) throw notFound('Store');
  return row;
}

/** A seller opens their one store; a second attempt is a 409 naming the first. */
export async function createSellerStore(db: Db, sellerId: string, input: CreateStoreRequest): Promise<StoreRow> {
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
    return row;
  } catch (error) {
    if (violatedUniqueConstraint(error) !== 'stores_seller_key') throw error;
    throw new AppError(409, 'CONFLICT', 'You already have a store: change it instead');
  }
}

/** What placing an order needs to know about a store, with its distance to the delivery point. */
export async function storeForOrder(db: Db, storeId: string, to: LatLng) {
  const point = sql`ST_SetSRID(ST_MakePoint(${to.lng}, ${to.lat}), 4326)::geography`;
  const [row] = await db
    .select({
      id: stores.id,
      sellerId: stores.sellerId,
      name: stores.name,
      phone: stores.phone,
      address: stores.address,
      location: stores.location,
      timeZone: stores.timeZone,
      openingHours: stores.openingHours,
      isAcceptingOrders: stores.isAcceptingOrders,
      acceptsCash: stores.acceptsCash,
      acceptsOnline: stores.acceptsOnline,
      pausedUntil: stores.pausedUntil,
      minOrderPaise: stores.minOrderPaise,
      deliveryRadiusM: stores.deliveryRadiusM,
      distanceM: sql<number>`round(ST_Distance(${stores.location}, ${point}))::int`.mapWith(Number),
    })
    .from(stores)
    .where(eq(stores.id, storeId));
  return row;
}

/** The seller who owns a store, if there is such a store. */
export async function sellerIdOfStore(db: Db, storeId: string): Promise<string | undefined> {
  const [row] = await db.select({ sellerId: stores.sellerId }).from(stores).where(eq(stores.id, storeId));
  return row?.sellerId;
}
