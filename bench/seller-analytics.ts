// npx tsx bench/seller-analytics.ts: a shop's 30-day figures (GET /seller/analytics?range=30d) on
// PostgreSQL, with BENCH_ORDERS (100,000) orders of that shop over a year beside as many of 50 other
// shops. It makes its own database on the server DATABASE_URL names (default the local one, user
// postgres), drops it at the end, and prints the server's time per request (p50/p99 over
// BENCH_REQUESTS, 200) and the statement's plan, failing if the plan scans a facts table whole.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { analyticsStatement } from '../backend/src/analytics/store-analytics';
import { buildApp } from '../backend/src/app';
import { loadConfig } from '../backend/src/platform/config';
import { createPlatform } from '../backend/src/platform/platform';
import { alwaysOpen, centre } from './town';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const name = `kupwara_bench_analytics_${process.pid}`;
const admin = new pg.Client({ connectionString: server.toString() });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;

const percentile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] ?? Number.NaN;

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: url.toString(), REDIS_URL: '' });
const platform = await createPlatform(config);
const app = await buildApp({
  config: { ...config, jwtSecret: randomBytes(32).toString('base64url') },
  platform,
  webApps: [],
  runJobs: false,
});
const db = platform.database.db;

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, token?: string) {
  const res = await app.inject({
    method,
    url: `/api/v1${url}`,
    payload,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

try {
  const phone = `+9194${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const seller = (
    await call('POST', '/auth/register', { name: 'Shop', phone, password: 'bench-password-1', role: 'seller' })
  ).access_token as string;
  await call(
    'POST',
    '/seller/store',
    { name: 'Bench Shop', address: 'Main Bazaar', location: centre, delivery_radius_km: 5 },
    seller,
  );
  const store = await call('PATCH', '/seller/store', { version: 1, opening_hours: alwaysOpen }, seller);

  // The facts the order jobs would have written: one row per move, and each order's lines.
  let started = performance.now();
  await db.execute(sql`
    CREATE TABLE bench_orders AS
    SELECT i, gen_random_uuid() AS id, gen_random_uuid() AS customer_id,
      CASE WHEN i <= ${ORDERS} THEN ${store.id}::uuid ELSE ('00000000-0000-4000-8000-0000000000' || lpad((i % 50)::text, 2, '0'))::uuid END AS store_id,
      date_trunc('day', now()) - floor(random() * 365) * interval '1 day' + (8 + random() * 14) * interval '1 hour' AS t,
      i % 100 AS k, 1 + i % 3 AS lines, 20000 + (i % 50) * 1000 AS total
    FROM generate_series(1, ${2 * ORDERS}) i`);
  await db.execute(sql`DELETE FROM bench_orders WHERE t > now()`);
  await db.execute(sql`
    CREATE TABLE bench_products AS
    SELECT j, gen_random_uuid() AS id, 'Product ' || j AS name, 500 + j * 37 AS price FROM generate_series(0, 199) j`);
  const step = (seq: number, status: string, actor: string, after: string, where: string, reason = 'NULL') =>
    db.execute(
      sql.raw(`
        INSERT INTO order_facts (order_id, seq, store_id, customer_id, status, actor, reason, item_count, total_paise, occurred_at)
        SELECT id, ${seq}, store_id, customer_id, '${status}', '${actor}', ${reason}, lines, total, t + interval '${after}'
        FROM bench_orders WHERE ${where}`),
    );
  const delivered = 'k < 80';
  await step(1, 'PENDING', 'customer', '0 s', 'true');
  await step(2, 'ACCEPTED', 'seller', '2 min', `${delivered} OR k >= 97`);
  await step(3, 'PREPARING', 'seller', '3 min', `${delivered} OR k >= 97`);
  await step(4, 'READY_FOR_PICKUP', 'seller', '25 min', delivered);
  await step(5, 'RIDER_ASSIGNED', 'system', '27 min', delivered);
  await step(6, 'PICKED_UP', 'rider', '35 min', delivered);
  await step(7, 'IN_TRANSIT', 'rider', '36 min', delivered);
  await step(8, 'DELIVERED', 'rider', '50 min', delivered);
  const codes = `(ARRAY['out_of_stock','closing_soon','too_busy','other'])[1 + i % 4]`;
  await step(2, 'REJECTED', 'seller', '3 min', 'k BETWEEN 80 AND 87', codes);
  await step(2, 'CANCELLED', 'customer', '1 min', 'k BETWEEN 88 AND 92');
  await step(2, 'CANCELLED', 'system', '5 min', 'k BETWEEN 93 AND 96', `'The shop did not answer in time'`);
  await step(4, 'FAILED', 'system', '40 min', 'k >= 97', `'No rider'`);
  await db.execute(sql`
    INSERT INTO order_line_facts (order_id, product_id, store_id, name, quantity, line_paise, placed_at)
    SELECT o.id, p.id, o.store_id, p.name, 1 + n % 2, p.price * (1 + n % 2), o.t
    FROM bench_orders o, generate_series(1, o.lines) n, bench_products p
    WHERE p.j = (o.i * 7 + n * 13) % 200`);
  await db.execute(sql`DROP TABLE bench_orders, bench_products`);
  // As autovacuum leaves an append-only table: all visible, so the index-only scans need no heap.
  await db.execute(sql`VACUUM ANALYZE order_facts, order_line_facts`);
  const [counts] = (
    await db.execute<{ facts: number; lines: number }>(
      sql`SELECT (SELECT count(*) FROM order_facts)::int AS facts, (SELECT count(*) FROM order_line_facts)::int AS lines`,
    )
  ).rows;
  console.log(
    `seeded ${ORDERS} orders of the shop and ${ORDERS} of 50 others (${counts?.facts} facts, ${counts?.lines} lines) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const plan = (
    await db.execute<{ 'QUERY PLAN': string }>(
      sql`EXPLAIN (ANALYZE, BUFFERS) ${analyticsStatement({ id: store.id, timeZone: store.time_zone }, '30d', new Date())}`,
    )
  ).rows.map((row) => row['QUERY PLAN']);
  if (process.env.BENCH_PLAN) console.log(plan.join('\n'));
  const scans = plan.filter((line) => /Scan/.test(line) && /order_(line_)?facts/.test(line));
  console.log('plan (scans of the facts tables):');
  for (const line of scans) console.log(`  ${line.trim()}`);
  console.log(`  ${plan.at(-1)?.trim()}`);
  if (scans.some((line) => /Seq Scan/.test(line)))
    throw new Error(`the figures scan a facts table:\n${plan.join('\n')}`);

  const figures = await call('GET', '/seller/analytics?range=30d', undefined, seller);
  console.log(
    `30 days: ${figures.orders} orders, ${figures.delivered_orders} delivered, acceptance ${(figures.acceptance_rate * 100).toFixed(1)} %, prep ${figures.average_prep_seconds} s`,
  );
  for (let i = 0; i < 10; i++) await call('GET', '/seller/analytics?range=30d', undefined, seller);
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    started = performance.now();
    await call('GET', '/seller/analytics?range=30d', undefined, seller);
    times.push(performance.now() - started);
  }
  console.log(
    `GET /seller/analytics?range=30d, ${REQUESTS} requests one at a time, in the server process: p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms`,
  );
} finally {
  await app.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.end();
}
