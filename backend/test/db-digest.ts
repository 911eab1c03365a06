import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db';

/** Per application table: its row count and an md5 of all its rows, in one query. */
export type Digest = Record<string, string>;

/** PostGIS's own catalogue lives in public too, but nothing the API does writes it. */
const notOurs = new Set(['spatial_ref_sys']);

/** Reads the application tables once and returns a function digesting all of them in one round trip. */
export async function digester(db: Db): Promise<() => Promise<Digest>> {
  const { rows } = await db.execute<{ name: string }>(
    sql`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables = rows.map((row) => row.name).filter((name) => !notOurs.has(name));
  if (tables.length === 0) throw new Error('no application tables to digest');
  // Rows are ordered by their text so the digest does not depend on the table's physical order.
  const query = sql.join(
    tables.map(
      (table) =>
        sql`SELECT ${table} AS name, count(*) || ':' || md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS digest FROM ${sql.identifier(table)} t`,
    ),
    sql` UNION ALL `,
  );
  return async () => {
    const result = await db.execute<{ name: string; digest: string }>(query);
    return Object.fromEntries(result.rows.map((row) => [row.name, row.digest]));
  };
}

/** The tables whose digest differs between two snapshots. */
export const changedTables = (before: Digest, after: Digest) =>
  Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
