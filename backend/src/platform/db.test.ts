import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, withDatabase } from '../../test/databases';
import { type Database, DatabaseSetupError, migrationsFolder, openPglite, openPostgres } from './db';
import { isDatabaseUnavailable } from './db-errors';

const databaseUrl = process.env.DATABASE_URL;
const journal: { entries: unknown[] } = JSON.parse(
  readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
);
const migrationCount = journal.entries.length;

describe('a migrated database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('has PostGIS: geography distances in metres, SRID 4326 kept', async () => {
    // Kupwara town to Handwara: a little under 15 km apart as the crow flies.
    const result = await database.db.execute<{ metres: number; srid: number }>(sql`
      SELECT round(ST_Distance(
               ST_SetSRID(ST_MakePoint(74.2543, 34.5297), 4326)::geography,
               ST_SetSRID(ST_MakePoint(74.2819, 34.3998), 4326)::geography))::int AS metres,
             ST_SRID(ST_SetSRID(ST_MakePoint(74.2543, 34.5297), 4326)) AS srid`);
    const row = result.rows[0];
    expect(row?.srid).toBe(4326);
    expect(Number(row?.metres)).toBeGreaterThan(14_000);
    expect(Number(row?.metres)).toBeLessThan(15_000);
  });

  it('records each migration once', async () => {
    const result = await database.db.execute<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`,
    );
    expect(result.rows[0]?.count).toBe(migrationCount);
  });
});

describe('embedded database on disk', () => {
  it('keeps data across a restart and does not migrate twice', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kupwara-db-'));
    try {
      const first = await openPglite({ dataDir });
      await first.db.execute(sql`CREATE TABLE kept (name text)`);
      await first.db.execute(sql`INSERT INTO kept VALUES ('Mir General Store')`);
      await first.close();

      const second = await openPglite({ dataDir });
      const kept = await second.db.execute<{ name: string }>(sql`SELECT name FROM kept`);
      const migrations = await second.db.execute<{ count: number }>(
        sql`SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`,
      );
      await second.close();
      expect(kept.rows).toEqual([{ name: 'Mir General Store' }]);
      expect(migrations.rows[0]?.count).toBe(migrationCount);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.runIf(databaseUrl)('PostgreSQL setup errors', () => {
  it('says how to install PostGIS when the server has none', async () => {
    const url = databaseUrl ?? '';
    const name = `kupwara_nopostgis_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    // Hide PostGIS from this database's view of the server: an unqualified pg_available_extensions
    // resolves to this view because pg_catalog is listed after it in the search path.
    const target = new pg.Client({ connectionString: withDatabase(url, name) });
    await target.connect();
    await target.query('CREATE SCHEMA shadow');
    await target.query(
      "CREATE VIEW shadow.pg_available_extensions AS SELECT * FROM pg_catalog.pg_available_extensions WHERE name <> 'postgis'",
    );
    await target.query(`ALTER DATABASE ${name} SET search_path = shadow, pg_catalog, public`);
    await target.end();
    try {
      const opening = openPostgres(withDatabase(url, name), 1);
      await expect(opening).rejects.toBeInstanceOf(DatabaseSetupError);
      await expect(opening).rejects.toThrow(/PostGIS is not installed.*apt-get install postgresql-15-postgis-3/);
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('names the server it cannot reach', async () => {
    const opening = openPostgres('postgres://nobody@127.0.0.1:1/kupwara', 1);
    await expect(opening).rejects.toThrow(/^Cannot connect to PostgreSQL at 127\.0\.0\.1:1 \(DATABASE_URL\)/);
  });
});

describe.runIf(databaseUrl)('a PostgreSQL connection lost in the middle of a transaction', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('fails that transaction as unavailable, keeps the process up, and the pool connects anew', async () => {
    const { db } = database;
    const failure = await db
      .transaction(async (tx) => {
        const pid = (await tx.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`)).rows[0]?.pid;
        // As a restart does: the server ends this session while the transaction holds it, between two queries.
        await db.execute(sql`SELECT pg_terminate_backend(${pid})`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.execute(sql`SELECT 1`);
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isDatabaseUnavailable(failure)).toBe(true);
    const after = await db.execute<{ one: number }>(sql`SELECT 1 AS one`);
    expect(after.rows).toEqual([{ one: 1 }]);
  });
});
