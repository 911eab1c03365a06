// Our side's part of the shared data: a fresh database holding the reference's rows, and bench
// customers whose tokens place the orders.
import { randomInt } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { openPostgres } from '../../backend/src/platform/db';
import { call } from '../http';
import { importReference } from './import-reference';

/** Drops and recreates `dbName`, migrates it, and copies drf-ref's rows in; returns the counts and seconds. */
export async function prepareOurDatabase(serverUrl: string, dbName: string, refDb: string) {
  const started = performance.now();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(dbName)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(dbName)}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const migrated = await openPostgres(url.href);
  await migrated.close();
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    const counts = await importReference(client, refDb);
    return { url: url.href, ...counts, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

/** The store drf-ref's bench.sh orders from (the one with 1,000,000 of each product), as both sides hold it. */
export async function orderStore(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const store = await client.query<{ id: string; lat: number; lng: number }>(
      `SELECT s.id, ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lng FROM stores s
       WHERE s.id = (SELECT store_id FROM products WHERE stock >= 100000 GROUP BY store_id ORDER BY store_id LIMIT 1)`,
    );
    const row = store.rows[0];
    if (!row) throw new Error('no store with a large stock: was the reference seeded?');
    const products = await client.query<{ id: string; pricePaise: number }>(
      'SELECT id, price_paise AS "pricePaise" FROM products WHERE store_id = $1 ORDER BY id',
      [row.id],
    );
    return { ...row, products: products.rows };
  } finally {
    await client.end();
  }
}

/** Drops our cache's keys in the bench's Redis database: a previous run's snapshots must not answer. */
export async function clearCache(redisUrl: string) {
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', 'cache:*', 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

const password = 'bench-password-1';

/** Bench customers; `tokens()` logs them all in again (access tokens last 15 minutes, a full run longer). */
export async function benchCustomers(baseUrl: string, count: number) {
  const phones: string[] = [];
  for (let i = 0; i < count; i++) {
    const phone = `+9194${String(randomInt(0, 1e8)).padStart(8, '0')}`;
    await call(`${baseUrl}/api/v1/auth/register`, 'POST', {
      name: `Bench customer ${i}`,
      phone,
      password,
      role: 'customer',
    });
    phones.push(phone);
  }
  return {
    tokens: (url: string) =>
      Promise.all(
        phones.map(async (phone) => {
          const session = await call<{ access_token: string }>(`${url}/api/v1/auth/login`, 'POST', { phone, password });
          return session.access_token;
        }),
      ),
  };
}

export const scratchDir = () => mkdtemp(path.join(tmpdir(), 'kupwara-compare-'));
