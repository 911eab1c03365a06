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

// Rows are locked in id order by every statement that changes several, so two never deadlock.
const byProductId = <T extends { productId: string }>(lines: readonly T[]) =>
  [...lines].sort((a, b) => (a.productId < b.productId ? -1 : 1));

/**
 * Takes the wanted quantities off the shelf, inside the caller's transaction, if every product is
 * on sale at the price the customer saw with enough stock: one conditional UPDATE, so nothing is
 * locked longer than the rest of the transaction. Otherwise it throws PRICE_CHANGED (with every
 * line as it is now) or OUT_OF_STOCK (naming the short lines), and the caller's rollback undoes
 * whatever was taken.
 */
export async function reserveStock(tx: Db, storeId: string, lines: readonly WantedLine[]): Promise<ReservedLine[]> {
  const wanted = sql.join(
    byProductId(lines).map(
      (line) => sql`(${line.productId}::uuid, ${line.quantity}::int, ${line.seenPricePaise}::int)`,
    ),
    sql`, `,
  );
  // A concurrent order's change is re-checked against these conditions once it commits: stock never goes below zero.
  const taken = await tx.execute<{ id: string; name: string; unit: string; price_paise: number }>(sql`
    UPDATE products SET stock = products.stock - wanted.quantity, version = products.version + 1, updated_at = now()
    FROM (VALUES ${wanted}) AS wanted(id, quantity, seen_price)
    WHERE products.id = wanted.id AND products.store_id = ${storeId} AND products.deleted_at IS NULL
      AND products.is_available AND products.price_paise = wanted.seen_price AND products.stock >= wanted.quantity
    RETURNING products.id, products.name, products.unit, products.price_paise`);
  const byId = new Map(taken.rows.map((row) => [row.id, row]));
  if (byId.size < lines.length) await explainRefusal(tx, storeId, lines, byId);
  return lines.map((line) => {
    const row = byId.get(line.productId);
    if (!row) throw new Error('a reserved product is missing');
    return {
      productId: row.id,
      name: row.name,
      unit: row.unit,
      unitPricePaise: row.price_paise,
      quantity: line.quantity,
    };
  });
}

/** Why some lines could not be taken: the products as they are, told the way the cart needs. */
async function explainRefusal(
  tx: Db,
  storeId: string,
  lines: readonly WantedLine[],
  taken: ReadonlyMap<string, unknown>,
) {
  const rows = await tx
    .select()
    .from(products)
    .where(
      and(
        eq(products.storeId, storeId),
        inArray(
          products.id,
          lines.map((line) => line.productId),
        ),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const states = lines.map((line, index): CartItemState & { index: number } => {
    const row = byId.get(line.productId);
    const onSale = row && !row.deletedAt && row.isAvailable;
    // Lines this statement took are read after the taking: add it back.
    const stock = (row?.stock ?? 0) + (taken.has(line.productId) ? line.quantity : 0);
    return {
      index,
      product_id: line.productId,
      name: row?.name ?? null,
      price_paise: onSale ? row.pricePaise : null,
      seen_price_paise: line.seenPricePaise,
      requested: line.quantity,
      available: onSale ? stock : 0,
    };
  });
  const unknown = states.find((state) => state.name === null);
  if (unknown) throw invalidField(`body.items.${unknown.index}.product_id`, 'is not a product of this store');
  const view = states.map(({ index: _, ...state }) => state);
  if (view.some((state) => state.price_paise !== null && state.price_paise !== state.seen_price_paise)) {
    throw new AppError(409, 'PRICE_CHANGED', 'Some prices changed since you added them: check your cart', {
      items: view,
    });
  }
  const short = view.filter((state) => state.requested > state.available);
  if (short.length === 0) throw new AppError(409, 'CONFLICT', 'The stock changed while you were ordering: try again');
  const names = short.map((state) => state.name).join(', ');
  throw new AppError(409, 'OUT_OF_STOCK', `Not enough in stock: ${names}`, { items: short });
}

/** Puts the quantities of a cancelled order back on the shelf (deleted products too: a seller may restore them). */
export async function restoreStock(tx: Db, lines: readonly { productId: string; quantity: number }[]): Promise<void> {
  if (lines.length === 0) return;
  const returned = sql.join(
    byProductId(lines).map((line) => sql`(${line.productId}::uuid, ${line.quantity}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE products SET stock = products.stock + returned.quantity, version = products.version + 1, updated_at = now()
    FROM (VALUES ${returned}) AS returned(id, quantity)
    WHERE products.id = returned.id`);
}
