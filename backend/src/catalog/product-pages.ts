import type { ProductListQuery, SellerProductListQuery } from '@kupwara/shared';
import { and, asc, eq, getTableColumns, isNull, or, type SQL, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import type { Db } from '../platform/db';
import { escapeLike } from '../platform/sql-text';
import { categories, products } from './tables';

/** How closely a product name matches the search, whole words first; 0.45 lets "basmti" find "Basmati". */
const MIN_SIMILARITY = 0.45;

/**
 * One page of a store's catalog in a single query: by name, or by closeness to `q` (typos
 * forgiven), then by id so the order is total. The cursor is the last row's sort key, so rows
 * added meanwhile never shift a page: each product is seen once. Customers see the visible
 * products; the seller (`hidden: 'included'`) sees every one.
 */
export async function productPage(
  db: Db,
  storeId: string,
  query: ProductListQuery | SellerProductListQuery,
  { hidden }: { hidden: 'left-out' | 'included' } = { hidden: 'left-out' },
) {
  const conditions: (SQL | undefined)[] = [eq(products.storeId, storeId), isNull(products.deletedAt)];
  if (hidden === 'left-out') conditions.push(eq(products.isVisible, true));
  if (query.category) {
    const inCategory = sql`(SELECT id FROM ${categories} WHERE ${categories.slug} = ${query.category}
      OR ${categories.parentId} = (SELECT id FROM ${categories} WHERE ${categories.slug} = ${query.category}))`;
    conditions.push(sql`${products.categoryId} IN ${inCategory}`);
  }
  const name = sql<string>`lower(${products.name})`;
  if (!query.q) {
    if (query.cursor) {
      const [lastName, lastId] = decodeCursor(query.cursor, ['string', 'string'] as const);
      conditions.push(sql`(${name}, ${products.id}) > (${lastName}, ${lastId}::uuid)`);
    }
    const rows = await db
      .select({ ...getTableColumns(products), sortName: name })
      .from(products)
      .where(and(...conditions))
      .orderBy(name, asc(products.id))
      .limit(query.limit + 1);
    return paged(rows, query.limit, (row) => [row.sortName, row.id]);
  }

  const similarity = sql<number>`round(greatest(word_similarity(${query.q}, ${products.name}), CASE WHEN ${products.name} ILIKE ${`%${escapeLike(query.q)}%`} THEN 1 ELSE 0 END)::numeric, 4)::float8`;
  conditions.push(sql`${similarity} >= ${MIN_SIMILARITY}`);
  if (query.cursor) {
    const [lastScore, lastName, lastId] = decodeCursor(query.cursor, ['number', 'string', 'string'] as const);
    conditions.push(
      or(
        sql`${similarity} < ${lastScore}`,
        sql`${similarity} = ${lastScore} AND (${name}, ${products.id}) > (${lastName}, ${lastId}::uuid)`,
      ),
    );
  }
  const rows = await db
    .select({ ...getTableColumns(products), sortName: name, score: similarity.mapWith(Number) })
    .from(products)
    .where(and(...conditions))
    .orderBy(sql`${similarity} DESC`, name, asc(products.id))
    .limit(query.limit + 1);
  return paged(rows, query.limit, (row) => [row.score, row.sortName, row.id]);
}

function paged<Row>(rows: Row[], limit: number, key: (row: Row) => (string | number)[]) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
