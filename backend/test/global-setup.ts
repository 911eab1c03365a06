import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/platform/db';
import { withDatabase } from './databases';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL: name of the migrated template database. PGlite: path of a migrated data-dir dump. */
    dbTemplate: string;
  }
}

/**
 * Migrates one database for the whole run; each test file then starts from a copy of it
 * (CREATE DATABASE … TEMPLATE on PostgreSQL, loadDataDir on PGlite), which costs far less
 * than migrating again and keeps files fully independent of each other.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `kupwara_template_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const database = await openPostgres(withDatabase(url, template), 1);
    await database.close();
    project.provide('dbTemplate', template);
    return async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      const { rows } = await cleanup.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2',
        [template, `${template}\\_%`],
      );
      for (const { datname } of rows) await cleanup.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await cleanup.end();
    };
  }

  const database = await openPglite();
  const dump = await database.client.dumpDataDir('none');
  await database.close();
  const file = path.join(tmpdir(), `kupwara-template-${randomUUID()}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('dbTemplate', file);
  return () => rm(file, { force: true });
}
