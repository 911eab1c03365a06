import { deliveryFeePaise, type NearbyStoresQuery } from '@kupwara/shared';
import { and, arrayContains, asc, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import type { Db } from '../platform/db';
import type { MediaStorage } from '../platform/media/storage';
import { escapeLike } from '../platform/sql-text';
import { type NearbySnapshot, storeDetailsSnapshot } from './store-view';
import { stores } from './tables';

/** The columns of a nearby store, with its distance from `point` (KNN, the page key; and in metres). */
const nearbyColumns = (point: SQL) => ({
  ...getTableColumns(stores),
  knn: sql<number>`(${stores.location} <-> ${point})::float8`.mapWith(Number),
  distanceM: sql<number>`round(ST_Distance(${stores.location}, ${point}))::int`.mapWith(Number),
});

/**
 * The first page of a plain search (no category, words or cursor), the one nearly every customer
 * asks for, as a named prepared statement per database: built once, planned once per connection.
 */
function prepareFirstPage(db: Db) {
  const point = sql`ST_SetSRID(ST_MakePoint(${sql.placeholder('lng')}, ${sql.placeholder('lat')}), 4326)::geography`;
  return db
    .select(nearbyColumns(point))
    .from(stores)
    .where(
      and(
        sql`ST_DWithin(${stores.location}, ${point}, ${sql.placeholder('radiusM')})`,
        sql`ST_DWithin(${stores.location}, ${point}, ${stores.deliveryRadiusM})`,
      ),
    )
    .orderBy(sql`(${stores.location} <-> ${point})`, asc(stores.id))
    .limit(sql.placeholder('limit'))
    .prepare('nearby_stores_first_page');
}

const firstPages = new WeakMap<Db, ReturnType<typeof prepareFirstPage>>();

/** Rows for one page of nearby stores: the query does all the geography (never JS). */
export async function findNearbyStores(db: Db, query: NearbyStoresQuery) {
  if (!query.category && !query.q && !query.cursor) {
    let prepared = firstPages.get(db);
    if (!prepared) {
      prepared = prepareFirstPage(db);
      firstPages.set(db, prepared);
    }
    const rows = await prepared.execute({
      lat: query.lat,
      lng: query.lng,
      radiusM: query.radius_km * 1000,
      limit: query.limit + 1,
    });
    return pageOf(rows, query.limit);
  }
  const point = sql`ST_SetSRID(ST_MakePoint(${query.lng}, ${query.lat}), 4326)::geography`;
  // KNN distance: what the GiST index orders by, and the page key with the id.
  const knn = sql<number>`(${stores.location} <-> ${point})`;
  const conditions: (SQL | undefined)[] = [
    sql`ST_DWithin(${stores.location}, ${point}, ${query.radius_km * 1000})`,
    // The store's own delivery area must reach the customer, not only the search circle.
    sql`ST_DWithin(${stores.location}, ${point}, ${stores.deliveryRadiusM})`,
  ];
  if (query.category) conditions.push(arrayContains(stores.categorySlugs, [query.category]));
  if (query.q) {
    conditions.push(
      sql`(${stores.name} ILIKE ${`%${escapeLike(query.q)}%`} OR word_similarity(${query.q}, ${stores.name}) >= 0.45)`,
    );
  }
  if (query.cursor) {
    const [distance, id] = decodeCursor(query.cursor, ['number', 'string'] as const);
    conditions.push(sql`(${knn}, ${stores.id}) > (${distance}::float8, ${id}::uuid)`);
  }
  const rows = await db
    .select(nearbyColumns(point))
    .from(stores)
    .where(and(...conditions))
    .orderBy(knn, asc(stores.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit);
}

function pageOf<Row extends { knn: number; id: string }>(rows: Row[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor([last.knn, last.id]) : null };
}

export function nearbySnapshot(
  row: Awaited<ReturnType<typeof findNearbyStores>>['rows'][number],
  storage: MediaStorage,
): NearbySnapshot {
  const details = storeDetailsSnapshot(row, storage);
  return {
    id: details.id,
    name: details.name,
    description: details.description,
    address: details.address,
    location: details.location,
    is_accepting_orders: details.is_accepting_orders,
    paused_until: details.paused_until,
    extra_prep_minutes: details.extra_prep_minutes,
    extra_prep_until: details.extra_prep_until,
    rating: details.rating,
    categories: details.categories,
    min_order_paise: details.min_order_paise,
    logo: details.logo,
    opening_hours: details.opening_hours,
    time_zone: details.time_zone,
    accepts_cash: details.accepts_cash,
    accepts_online: details.accepts_online,
    distance_m: row.distanceM,
    delivery_fee_paise: deliveryFeePaise(row.distanceM),
  };
}
