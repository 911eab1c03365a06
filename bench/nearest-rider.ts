// npx tsx bench/nearest-rider.ts: how long dispatch takes to pick the nearest free rider among
// BENCH_RIDERS (default 10,000) online riders around the town, on DATABASE_URL (an empty database)
// or the embedded one. Prints p50/p99 over 1,000 picks.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../backend/src/app';
import { defaultDispatch, nearestFreeRider } from '../backend/src/delivery/dispatch';
import { loadConfig } from '../backend/src/platform/config';
import { createPlatform } from '../backend/src/platform/platform';
import { alwaysOpen, centre } from './town';

const RIDERS = Number(process.env.BENCH_RIDERS ?? 10_000);

const config = loadConfig({
  ...process.env,
  LOG_LEVEL: 'silent',
  DATA_DIR: process.env.DATA_DIR ?? (await mkdtemp(path.join(tmpdir(), 'kupwara-bench-'))),
});
const platform = await createPlatform(config);
const app = await buildApp({
  config: { ...config, jwtSecret: randomBytes(32).toString('base64url') },
  platform,
  webApps: [],
  runJobs: false,
});
const db = platform.database.db;

async function call(method: 'POST' | 'PATCH', url: string, payload: object, token?: string, key?: string) {
  const res = await app.inject({
    method,
    url: `/api/v1${url}`,
    payload,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'idempotency-key': key } : {}) },
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

try {
  const phone = () => `+9194${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const seller = (
    await call('POST', '/auth/register', { name: 'Shop', phone: phone(), password: 'bench-password-1', role: 'seller' })
  ).access_token;
  await call(
    'POST',
    '/seller/store',
    { name: 'Bench Shop', address: 'Main Bazaar', location: centre, delivery_radius_km: 5 },
    seller,
  );
  const store = await call('PATCH', '/seller/store', { version: 1, opening_hours: alwaysOpen }, seller);
  const product = await call(
    'POST',
    '/seller/products',
    { name: 'Bread', price_paise: 1000, unit: '1 pc', stock: 100 },
    seller,
  );
  const customer = (
    await call('POST', '/auth/register', {
      name: 'Buyer',
      phone: phone(),
      password: 'bench-password-1',
      role: 'customer',
    })
  ).access_token;
  const order = await call(
    'POST',
    '/orders',
    {
      store_id: store.id,
      items: [{ product_id: product.id, quantity: 1, unit_price_paise: 1000 }],
      delivery_address: { text: 'Near the Jamia Masjid', location: centre },
      payment_method: 'cash',
    },
    customer,
    `bench-${Date.now()}`,
  );

  // Riders within about 15 km of the centre, all online with a fresh fix: made in SQL, past the API.
  let started = performance.now();
  await db.execute(sql`
    WITH made AS (
      INSERT INTO users (id, role, name, phone, password_hash)
      SELECT gen_random_uuid(), 'rider', 'Rider ' || n, '+9193' || lpad(n::text, 8, '0'), 'x'
      FROM generate_series(1, ${RIDERS}) AS n
      RETURNING id
    ), profiles AS (
      INSERT INTO rider_profiles (user_id, vehicle_type, is_available) SELECT id, 'motorcycle', true FROM made
    )
    INSERT INTO rider_positions (rider_id, location, recorded_at)
    SELECT id, ST_SetSRID(ST_MakePoint(${centre.lng} + (random() - 0.5) * 0.3, ${centre.lat} + (random() - 0.5) * 0.3), 4326)::geography, now()
    FROM made`);
  await db.execute(sql`ANALYZE rider_positions`);
  console.log(`${RIDERS} riders made in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    started = performance.now();
    const rider = await nearestFreeRider(db, order.id, centre, defaultDispatch);
    times.push(performance.now() - started);
    if (!rider) throw new Error('no rider found');
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(2);
  console.log(
    `nearest free rider among ${RIDERS} (${platform.database.kind}): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms over 1,000 picks`,
  );
} finally {
  await app.close();
}
