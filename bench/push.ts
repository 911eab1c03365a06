// npm run bench:push (DATABASE_URL at an empty PostgreSQL database): the push sender against a
// fake Expo push service on 127.0.0.1 (backend/test/fake-expo-push.ts, answering as Expo documents).
//   1. BENCH_ORDERS (1,000) orders placed, then all accepted at once (BENCH_WIDTH, 50, in flight):
//      the time from each event's recording to its push reaching the push service, p50/p99;
//   2. BENCH_BACKLOG (20,000) notifications waiting in the outbox at once: pushes per second sent.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Order } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import { openPostgres } from '../backend/src/platform/db';
import { startFakeExpoPush } from '../backend/test/fake-expo-push';
import { call, inBatches, percentile } from './http';
import { alwaysOpen, centre } from './town';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100);
const WIDTH = Number(process.env.BENCH_WIDTH ?? 50);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 20_000);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('set DATABASE_URL to an empty PostgreSQL database');
const ACCESS_TOKEN = 'bench-expo-access-token';

const fake = await startFakeExpoPush({ accessToken: ACCESS_TOKEN });

function startApp(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(import.meta.dirname, 'serve.ts'), ['app'], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      ORDER_ACCEPT_TIMEOUT_S: '86400',
      PUSH_SERVICE: 'expo',
      EXPO_PUSH_URL: fake.url,
      EXPO_ACCESS_TOKEN: ACCESS_TOKEN,
      PUSH_RECEIPT_DELAY_S: '86400',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ url: `http://127.0.0.1:${(m as { port: number }).port}`, child }));
    child.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
}

let phones = 0;
async function signUpWithPhone(api: string, role: 'seller' | 'customer') {
  const { access_token: token } = await call<{ access_token: string }>(`${api}/auth/register`, 'POST', {
    name: `Bench ${role}`,
    phone: `+9196${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    password: 'bench-password-1',
    role,
  });
  const device = `ExponentPushToken[bench-${role}-${phones++}-${Date.now().toString(36)}]`;
  await call(
    `${api}/devices`,
    'POST',
    { expo_push_token: device, platform: 'android', app: role, locale: 'en' },
    token,
  );
  return { token, device };
}

/** Waits until the fake has `count` pushes of this kind; then each one's delay after its event. */
async function delays(kind: string, count: number, recordedAt: Map<string, number>) {
  const deadline = Date.now() + 120_000;
  const ofKind = () => fake.received.filter((push) => push.data.kind === kind);
  while (ofKind().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return ofKind().map((push) => push.at - (recordedAt.get(String(push.data.order_id)) ?? Number.NaN));
}

const { url, child } = await startApp();
const api = `${url}/api/v1`;
const database = await openPostgres(databaseUrl, 2);
try {
  const seller = await signUpWithPhone(api, 'seller');
  await call(
    `${api}/seller/store`,
    'POST',
    { name: 'Busy Shop', address: 'Main Bazaar', location: centre, delivery_radius_km: 5 },
    seller.token,
  );
  const store = await call<{ id: string }>(
    `${api}/seller/store`,
    'PATCH',
    { version: 1, opening_hours: alwaysOpen },
    seller.token,
  );
  const product = await call<{ id: string }>(
    `${api}/seller/products`,
    'POST',
    { name: 'Bread', price_paise: 1000, unit: '1 pc', stock: 1_000_000 },
    seller.token,
  );
  const customers = await inBatches(Array.from({ length: CUSTOMERS }), 10, () => signUpWithPhone(api, 'customer'));

  // Placed: the shop's phone hears of each new order.
  const placedAt = new Map<string, number>();
  let started = performance.now();
  const orders = await inBatches(Array.from({ length: ORDERS }), WIDTH, async (_, i) => {
    const customer = customers[i % customers.length];
    const order = await call<Order>(
      `${api}/orders`,
      'POST',
      {
        store_id: store.id,
        items: [{ product_id: product.id, quantity: 1, unit_price_paise: 1000 }],
        delivery_address: { text: 'Near the Jamia Masjid', location: centre },
        payment_method: 'cash',
      },
      customer?.token,
      `bench-push-${i}-${Date.now()}`,
    );
    placedAt.set(order.id, Date.parse(order.timeline.at(-1)?.recorded_at ?? ''));
    return order;
  });
  const placeSeconds = (performance.now() - started) / 1000;
  const newOrder = await delays('seller.new_order', ORDERS, placedAt);

  // All accepted at once: each customer's phone hears of theirs.
  const acceptedAt = new Map<string, number>();
  started = performance.now();
  await inBatches(orders, WIDTH, async (order) => {
    const moved = await call<Order>(
      `${api}/orders/${order.id}/transitions`,
      'POST',
      { to: 'ACCEPTED', prep_minutes: 20 },
      seller.token,
    );
    acceptedAt.set(moved.id, Date.parse(moved.timeline.at(-1)?.recorded_at ?? ''));
  });
  const acceptSeconds = (performance.now() - started) / 1000;
  const accepted = await delays('customer.accepted', ORDERS, acceptedAt);

  // Where the time goes: the event's job writing the notification, then the sender taking it.
  const written = await database.db.execute<{ order_id: string; at: number }>(sql`
    SELECT data->>'order_id' AS order_id, extract(epoch FROM created_at) * 1000 AS at
    FROM notifications WHERE kind = 'customer.accepted'`);
  const writtenAt = new Map(written.rows.map((row) => [row.order_id, Number(row.at)]));
  const toRow = [...writtenAt].map(([id, at]) => at - (acceptedAt.get(id) ?? Number.NaN));
  const toPush = fake.received
    .filter((push) => push.data.kind === 'customer.accepted')
    .map((push) => push.at - (writtenAt.get(String(push.data.order_id)) ?? Number.NaN));

  // A backlog (the push service was down, say): how fast the sender empties it.
  const before = fake.received.length;
  await database.db.execute(sql`
    INSERT INTO notifications (id, user_id, kind, title, body, data, dedupe_key)
    SELECT gen_random_uuid(), d.user_id, 'customer.preparing', 'Being prepared', 'Busy Shop is packing your order',
      jsonb_build_object('order_id', gen_random_uuid()), 'bench-backlog-' || g || '-' || d.user_id
    FROM generate_series(1, ${Math.ceil(BACKLOG / CUSTOMERS)}) g CROSS JOIN devices d WHERE d.app = 'customer'`);
  await database.db.execute(
    sql`INSERT INTO jobs (id, kind, payload) VALUES (gen_random_uuid(), 'notifications.push', '{}')`,
  );
  const backlog = Math.ceil(BACKLOG / CUSTOMERS) * CUSTOMERS;
  const deadline = Date.now() + 600_000;
  while (fake.received.length - before < backlog && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const drained = fake.received.slice(before);
  const spanS = ((drained.at(-1)?.at ?? 0) - (drained[0]?.at ?? 0)) / 1000;

  const result = {
    orders: ORDERS,
    placed_per_s: Math.round(ORDERS / placeSeconds),
    accepted_per_s: Math.round(ORDERS / acceptSeconds),
    new_order_push_ms: { p50: percentile(newOrder, 0.5), p99: percentile(newOrder, 0.99), n: newOrder.length },
    accepted_push_ms: { p50: percentile(accepted, 0.5), p99: percentile(accepted, 0.99), n: accepted.length },
    accepted_event_to_row_ms: { p50: percentile(toRow, 0.5), p99: percentile(toRow, 0.99) },
    accepted_row_to_push_ms: { p50: percentile(toPush, 0.5), p99: percentile(toPush, 0.99) },
    backlog: { pushes: drained.length, seconds: Number(spanS.toFixed(2)), per_s: Math.round(drained.length / spanS) },
    duplicates: fake.received.length - new Set(fake.received.map((p) => `${p.data.notification_id} ${p.to}`)).size,
  };
  console.log(JSON.stringify(result, null, 2));
  const resultsDir = path.join(import.meta.dirname, 'results');
  await mkdir(resultsDir, { recursive: true });
  await writeFile(path.join(resultsDir, 'push.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  child.kill('SIGTERM');
  await database.close();
  await fake.close();
}
