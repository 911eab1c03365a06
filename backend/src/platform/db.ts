import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { postgis } from '@electric-sql/pglite-postgis';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from '../schema';

export type Schema = typeof schema;

/** What raw `db.execute()` gives back on both drivers: PGlite's Results and pg's QueryResult both carry `rows`. */
export interface RowsResultHKT extends PgQueryResultHKT {
  readonly type: RowsResult<this['row']>;
}
interface RowsResult<Row> {
  rows: Row[];
}

/** The one database type every module sees, whichever driver is underneath. */
export type Db = PgDatabase<RowsResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

// Any constant works: it only has to be the same in every API process sharing the database.
const MIGRATION_LOCK = 4_120_517;

export class DatabaseSetupError extends Error {
  override name = 'DatabaseSetupError';
}

/** PostgreSQL through `pg`: checks PostGIS is installable, then migrates under an advisory lock. */
/** Sees every SQL statement sent (tests count them to prove a page is one query). */
export type QueryLog = (sql: string) => void;

const drizzleLogger = (log?: QueryLog) => (log ? { logQuery: (query: string) => log(query) } : undefined);

export async function openPostgres(url: string, poolSize = 10, log?: QueryLog): Promise<Database> {
  // JIT compilation costs milliseconds per query and pays off only on long analytic ones: every
  // query here is short (PostGIS cost estimates would otherwise switch it on for a KNN pick).
  // A request waits at most connectionTimeoutMillis for a connection while the server is down or
  // restarting, then fails (answered 503) instead of hanging.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: '-c jit=off',
    connectionTimeoutMillis: 5000,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process: the
  // pool discards it and the next query connects anew, while /readyz reports any real outage.
  pool.on('error', () => {});
  // A client checked out between two queries (inside a transaction) whose server goes away emits
  // 'error' on itself, which the pool does not hear: unheard, Node would end the process. The
  // query then in flight fails (answered 503) and the pool drops the client on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end();
    const where = new URL(url).host;
    throw new DatabaseSetupError(
      `Cannot connect to PostgreSQL at ${where} (DATABASE_URL): ${(error as Error).message}`,
    );
  }
  try {
    const { rows } = await client.query("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'");
    if (rows.length === 0) {
      throw new DatabaseSetupError(
        'PostGIS is not installed on the PostgreSQL server named by DATABASE_URL. Install it on that server ' +
          '(Debian/Ubuntu: apt-get install postgresql-15-postgis-3, matching your PostgreSQL major version; ' +
          'others: https://postgis.net/documentation/getting_started/), or unset DATABASE_URL to use the embedded database.',
      );
    }
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  const db: Db = drizzleNodePg(pool, { schema, logger: drizzleLogger(log) });
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await db.execute(sql`SELECT 1`);
    },
    close: () => pool.end(),
  };
}

export interface PgliteSource {
  /** Directory to keep the database in; omitted = in memory. */
  dataDir?: string;
  /** A tarball from `dumpDataDir()` to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob;
  log?: QueryLog;
}

/** Embedded PostgreSQL + PostGIS in this process. */
export async function openPglite(source: PgliteSource = {}): Promise<Database & { client: PGlite }> {
  if (source.dataDir) await mkdir(source.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: source.dataDir,
    loadDataDir: source.loadDataDir,
    // Every extension a migration creates must be loaded on each open, or the data dir will not start.
    extensions: { postgis, pg_trgm },
  });
  const pgliteDb = drizzlePglite(client, { schema, logger: drizzleLogger(source.log) });
  await migratePglite(pgliteDb, { migrationsFolder });
  const db: Db = pgliteDb;
  return {
    db,
    client,
    kind: 'pglite',
    ping: async () => {
      await client.query('SELECT 1');
    },
    close: () => client.close(),
  };
}
