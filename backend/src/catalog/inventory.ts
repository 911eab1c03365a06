import type { BulkStockRequest, CreateProductRequest, UpdateProductRequest } from '@kupwara/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { violatedConstraint } from '../platform/db-errors';
import { AppError, invalidField, notFound } from '../platform/http/errors';
import { newId } from '../platform/ids';
import type { StoredImage } from '../platform/media/stored-image';
import { storeIdOfSeller, storeIdOfSellerQuery } from '../stores/seller-store';
import type { ProductRow } from './product-view';
import { products } from './tables';

export const MAX_IMAGES_PER_PRODUCT = 8;

// Scope in the query: a product of another seller's store is not found.
const ownProduct = (db: Db, sellerId: string, productId: string) =>
  and(
    eq(products.id, productId),
    inArray(products.storeId, storeIdOfSellerQuery(db, sellerId)),
    isNull(products.deletedAt),
  );

/** A stale `version`: the change is refused and the seller gets the product as it is now. */
export class StaleProductError extends AppError {
  readonly current: ProductRow[];
  /** The request named many products, so the answer lists the stale ones even if there is one. */
  readonly list: boolean;

  constructor(current: ProductRow[], list = false) {
    super(
      409,
      'CONFLICT',
      list ? 'Some products were changed since you saw them' : 'This product was changed since you saw it',
    );
    this.current = current;
    this.list = list;
  }
}

/** The database's own checks, as the 400 the seller can act on. */
function productConstraint(error: unknown): never {
  const constraint = violatedConstraint(error)?.constraint;
  if (constraint === 'products_category_id_categories_id_fk')
    throw invalidField('body.category_id', 'is not a category');
  if (constraint === 'products_mrp_at_least_price') throw invalidField('body.mrp_paise', 'must be at least the price');
  throw error;
}

/** A new product in the seller's store (404 until they open one). */
export async function createProduct(db: Db, sellerId: string, input: CreateProductRequest): Promise<ProductRow> {
  const storeId = await storeIdOfSeller(db, sellerId);
  try {
    const [row] = await db
      .insert(products)
      .values({
        id: newId(),
        storeId,
        categoryId: input.category_id,
        name: input.name,
        description: input.description,
        pricePaise: input.price_paise,
        mrpPaise: input.mrp_paise ?? input.price_paise,
        unit: input.unit,
        stock: input.stock,
        isAvailable: input.is_available,
        isVisible: input.is_visible,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  } catch (error) {
    productConstraint(error);
  }
}

async function currentOrNotFound(db: Db, sellerId: string, productId: string): Promise<never> {
  const [current] = await db
    .select()
    .from(products)
    .where(ownProduct(db, sellerId, productId));
  if (!current) throw notFound('Product');
  throw new StaleProductError([current]);
}

/** Applies a seller's edit if they saw the latest version (server wins otherwise: 409 with the current product). */
export async function updateProduct(db: Db, sellerId: string, productId: string, input: UpdateProductRequest) {
  const { version, ...changes } = input;
  let row: ProductRow | undefined;
  try {
    [row] = await db
      .update(products)
      .set({
        name: changes.name,
        description: changes.description,
        pricePaise: changes.price_paise,
        mrpPaise: changes.mrp_paise,
        unit: changes.unit,
        stock: changes.stock,
        isAvailable: changes.is_available,
        isVisible: changes.is_visible,
        categoryId: changes.category_id,
        version: sql`${products.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(ownProduct(db, sellerId, productId), eq(products.version, version)))
      .returning();
  } catch (error) {
    productConstraint(error);
  }
  return row ?? currentOrNotFound(db, sellerId, productId);
}

/** Hides a product from the catalog (orders that name it keep it); returns its store. */
export async function deleteProduct(db: Db, sellerId: string, productId: string, version?: number) {
  const [row] = await db
    .update(products)
    .set({ deletedAt: new Date(), version: sql`${products.version} + 1`, updatedAt: new Date() })
    .where(and(ownProduct(db, sellerId, productId), version === undefined ? undefined : eq(products.version, version)))
    .returning({ storeId: products.storeId });
  return row ?? currentOrNotFound(db, sellerId, productId);
}

/** Stock counts for many products at once: all applied, or none (409 naming every stale one). */
export async function setStock(db: Db, sellerId: string, items: BulkStockRequest['items']): Promise<ProductRow[]> {
  return db.transaction(async (tx) => {
    const ids = items.map((item) => item.id);
    const rows = await tx
      .select()
      .from(products)
      .where(
        and(
          inArray(products.id, ids),
          inArray(products.storeId, storeIdOfSellerQuery(tx, sellerId)),
          isNull(products.deletedAt),
        ),
      )
      .for('update');
    const byId = new Map(rows.map((row) => [row.id, row]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) throw new AppError(404, 'NOT_FOUND', 'Product not found', { ids: missing });
    const stale = items.filter((item) => byId.get(item.id)?.version !== item.version);
    if (stale.length > 0)
      throw new StaleProductError(
        stale.flatMap((item) => byId.get(item.id) ?? []),
        true,
      );
    const updated: ProductRow[] = [];
    for (const item of items) {
      const [row] = await tx
        .update(products)
        .set({ stock: item.stock, version: sql`${products.version} + 1`, updatedAt: new Date() })
        .where(eq(products.id, item.id))
        .returning();
      if (row) updated.push(row);
    }
    return updated;
  });
}

/** Adds an uploaded image; the same photo twice is kept once. */
export async function addProductImage(db: Db, sellerId: string, productId: string, image: StoredImage) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(products)
      .where(ownProduct(tx, sellerId, productId))
      .for('update');
    if (!row) throw notFound('Product');
    if (row.images.some((existing) => existing.id === image.id)) return row;
    if (row.images.length >= MAX_IMAGES_PER_PRODUCT) {
      throw new AppError(
        409,
        'CONFLICT',
        `A product can have up to ${MAX_IMAGES_PER_PRODUCT} images: remove one first`,
      );
    }
    const [updated] = await tx
      .update(products)
      .set({ images: [...row.images, image], version: sql`${products.version} + 1`, updatedAt: new Date() })
      .where(eq(products.id, productId))
      .returning();
    return updated ?? row;
  });
}

/** One of the seller's products; 404 for anyone else's. */
export async function sellerProduct(db: Db, sellerId: string, productId: string): Promise<ProductRow> {
  const [row] = await db
    .select()
    .from(products)
    .where(ownProduct(db, sellerId, productId));
  if (!row) throw notFound('Product');
  return row;
}
