import type { CartItemState } from '@kupwara/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { AppError, invalidField } from '../platform/http/errors';
import { products } from './tables';

export interface WantedLine {
  productId: string;
  quantity: number;
  /** The price the customer saw. */
  seenPricePaise: number;
}

export interface ReservedLine {
  productId: string;
  name: string;
  unit: string;
  unitPricePaise: number;
  quantity: number;
}

/**
 * Takes the wanted quantities off the shelf, inside the caller's transaction, if every price is
 * still the one the customer saw and every product has enough stock; otherwise takes nothing and
 * throws PRICE_CHANGED (with every line as it is now) or OUT_OF_STOCK (naming the short lines).
 */
export async function reserveStock(tx: Db, storeId: string, lines: readonly WantedLine[]): Promise<ReservedLine[]> {
  const ids = lines.map((line) => line.productId);
  // Locked in id order, so two orders sharing products queue up rather than deadlock.
  const rows = await tx
    .select({
      id: products.id,
      name: products.name,
      unit: products.unit,
      pricePaise: products.pricePaise,
      stock: products.stock,
      isAvailable: products.isAvailable,
      deletedAt: products.deletedAt,
    })
    .from(products)
    .where(and(eq(products.storeId, storeId), inArray(products.id, ids)))
    .orderBy(products.id)
    .for('update');
  const byId = new Map(rows.map((row) => [row.id, row]));
  const states = lines.map((line, index): CartItemState & { index: number } => {
    const row = byId.get(line.productId);
    const onSale = row && !row.deletedAt && row.isAvailable;
    return {
      index,
      product_id: line.productId,
      name: row?.name ?? null,
      price_paise: onSale ? row.pricePaise : null,
      seen_price_paise: line.seenPricePaise,
      requested: line.quantity,
      available: onSale ? row.stock : 0,
    };
  });
  const unknown = states.find((state) => state.name === null);
  if (unknown) throw invalidField(`body.items.${unknown.index}.product_id`, 'is not a product of this store');
  const view = states.map(({ index: _, ...state }) => state);
  if (states.some((state) => state.price_paise !== null && state.price_paise !== state.seen_price_paise)) {
    throw new AppError(409, 'PRICE_CHANGED', 'Some prices changed since you added them: check your cart', {
      items: view,
    });
  }
  const short = view.filter((state) => state.requested > state.available);
  if (short.length > 0) {
    const names = short.map((state) => state.name).join(', ');
    throw new AppError(409, 'OUT_OF_STOCK', `Not enough in stock: ${names}`, { items: short });
  }
  await takeStock(tx, lines, -1);
  return lines.map((line) => {
    const row = byId.get(line.productId);
    if (!row) throw new Error('reserved a product that was not read');
    return {
      productId: row.id,
      name: row.name,
      unit: row.unit,
      unitPricePaise: row.pricePaise,
      quantity: line.quantity,
    };
  });
}

/** Puts the quantities of a cancelled order back on the shelf (deleted products too: a seller may restore them). */
export async function restoreStock(tx: Db, lines: readonly { productId: string; quantity: number }[]): Promise<void> {
  if (lines.length === 0) return;
  // Same lock order as reserveStock: an update's own row order is the plan's, which could deadlock with it.
  await tx
    .select({ id: products.id })
    .from(products)
    .where(
      inArray(
        products.id,
        lines.map((line) => line.productId),
      ),
    )
    .orderBy(products.id)
    .for('update');
  await takeStock(tx, lines, 1);
}

async function takeStock(tx: Db, lines: readonly { productId: string; quantity: number }[], sign: 1 | -1) {
  if (lines.length === 0) return;
  const values = sql.join(
    lines.map((line) => sql`(${line.productId}::uuid, ${sign * line.quantity}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE products SET stock = products.stock + change.quantity, version = products.version + 1, updated_at = now()
    FROM (VALUES ${values}) AS change(id, quantity)
    WHERE products.id = change.id`);
}
