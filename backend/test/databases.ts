import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres, type QueryLog } from '../src/platform/db';

export function withDatabase(url: string, name: string): string {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}

/** PostgreSQL runs only: a new database cloned from the migrated template, and how to drop it. */
export async function clonePostgresTemplate(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const template = inject('dbTemplate');
  const name = `${template}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(url, name),
    async drop() {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      // A closed pool's connections may still be saying goodbye; forcing them off then would reach
      // their client as an error after it stopped listening for one. Let them go first.
      for (let i = 0; i < 50; i++) {
        const { rows } = await cleanup.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
          name,
        ]);
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A fresh, migrated database of the kind this run uses, for one test file. */
export async function openTestDatabase(log?: QueryLog): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dump = await readFile(inject('dbTemplate'));
    return openPglite({ loadDataDir: new Blob([dump]), log });
  }
  const clone = await clonePostgresTemplate(url);
  const database = await openPostgres(clone.url, 4, log);
  return {
    ...database,
    async close() {
      await database.close();
      await clone.drop();
    },
  };
}
