// npm run bench:positions (DATABASE_URL at an empty PostgreSQL database): BENCH_RIDERS (10,000)
// online riders each send a fix every BENCH_FIX_EVERY_S (4) seconds for BENCH_DURATION (20) seconds,
// over their socket (BENCH_TRANSPORT=socket, the default) or HTTP (BENCH_TRANSPORT=http), while
// BENCH_WATCHERS (2,000) customers each follow an order one of them carries.
// BENCH_PROFILE=1 writes the app's CPU profile to bench/results/profiles.
// Reports fixes/s accepted, their latency, and the p99 from a fix's time to its receipt by a watcher.
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { channels } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import { createTokenSigner } from '../backend/src/accounts/tokens';
import { openPostgres } from '../backend/src/platform/db';
import { centre } from './town';

const RIDERS = Number(process.env.BENCH_RIDERS ?? 10_000);
const WATCHERS = Math.min(RIDERS, Number(process.env.BENCH_WATCHERS ?? 2_000));
const FIX_EVERY_S = Number(process.env.BENCH_FIX_EVERY_S ?? 4);
const SECONDS = Number(process.env.BENCH_DURATION ?? 20);
const TRANSPORT = process.env.BENCH_TRANSPORT === 'http' ? 'http' : 'socket';
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('set DATABASE_URL to an empty PostgreSQL database');
const secret = randomBytes(32).toString('base64url');

function startApp(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(import.meta.dirname, 'serve.ts'), ['app'], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${path.join(import.meta.dirname, 'results', 'profiles')}`]
        : []),
    ],
    env: { ...process.env, JWT_SECRET: secret },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ url: `http://127.0.0.1:${(m as { port: number }).port}`, child }));
    child.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
}

const percentile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] ?? Number.NaN;

const { url, child } = await startApp();
const database = await openPostgres(databaseUrl, 2);
const db = database.db;
const signer = createTokenSigner(secret);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const sockets: WebSocket[] = [];
try {
  // Riders, one customer, one shop and an order carried by each of the first WATCHERS riders: in SQL.
  let started = performance.now();
  const [{ customer_id: customerId = '', store_id: storeId = '' } = {}] = (
    await db.execute<{ customer_id: string; store_id: string }>(sql`
      WITH seller AS (
        INSERT INTO users (id, role, name, phone, password_hash)
        VALUES (gen_random_uuid(), 'seller', 'Bench Shop', '+919200000001', 'x') RETURNING id),
      customer AS (
        INSERT INTO users (id, role, name, phone, password_hash)
        VALUES (gen_random_uuid(), 'customer', 'Bench Customer', '+919200000002', 'x') RETURNING id),
      store AS (
        INSERT INTO stores (id, seller_id, name, address, location, delivery_radius_m)
        SELECT gen_random_uuid(), id, 'Bench Shop', 'Main Bazaar',
          ST_SetSRID(ST_MakePoint(${centre.lng}, ${centre.lat}), 4326)::geography, 5000 FROM seller RETURNING id)
      SELECT customer.id AS customer_id, store.id AS store_id FROM customer, store`)
  ).rows;
  await db.execute(sql`
    WITH made AS (
      INSERT INTO users (id, role, name, phone, password_hash)
      SELECT gen_random_uuid(), 'rider', 'Rider ' || n, '+9193' || lpad(n::text, 8, '0'), 'x'
      FROM generate_series(1, ${RIDERS}) AS n RETURNING id)
    INSERT INTO rider_profiles (user_id, vehicle_type, is_available) SELECT id, 'motorcycle', true FROM made`);
  const riders = (await db.execute<{ id: string }>(sql`SELECT user_id AS id FROM rider_profiles ORDER BY user_id`))
    .rows;
  await db.execute(sql`
    INSERT INTO orders (id, status, customer_id, customer_name, customer_phone, store_id, seller_id, store_name,
      store_address, store_location, rider_id, rider_name, item_count, subtotal_paise, delivery_fee_paise,
      total_paise, payment_method, payment_state, released_at, delivery_label, delivery_text, delivery_location,
      distance_m)
    SELECT gen_random_uuid(), 'RIDER_ASSIGNED', ${customerId}, 'Bench Customer', '+919200000002', s.id, s.seller_id,
      s.name, s.address, s.location, r.user_id, 'Rider', 1, 1000, 1500, 2500, 'cash', 'due', now(), 'Home',
      'Near the masjid',
      ST_SetSRID(ST_MakePoint(${centre.lng + 0.01}, ${centre.lat + 0.01}), 4326)::geography, 1500
    FROM stores s, (SELECT user_id FROM rider_profiles ORDER BY user_id LIMIT ${WATCHERS}) r WHERE s.id = ${storeId}`);
  const watched = (
    await db.execute<{ id: string }>(sql`SELECT id FROM orders WHERE store_id = ${storeId} ORDER BY rider_id`)
  ).rows;
  console.log(
    `${RIDERS} riders and ${watched.length} carried orders made in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const tokens = await Promise.all(
    riders.map(async (rider) => (await signer.sign({ id: rider.id, role: 'rider', sessionId: 'bench' })).token),
  );
  const customerToken = (await signer.sign({ id: customerId, role: 'customer', sessionId: 'bench' })).token;

  // The watchers: one socket per carried order.
  const receipts: number[] = [];
  const wsUrl = `${url.replace('http', 'ws')}/ws`;
  const watch = (orderId: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(wsUrl);
      socket.on('error', reject);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: customerToken })));
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString());
        if (frame.type === 'authenticated')
          socket.send(JSON.stringify({ type: 'subscribe', channel: channels.order(orderId) }));
        else if (frame.type === 'subscribed') resolve(socket);
        else if (frame.type === 'position') receipts.push(Date.now() - Date.parse(frame.position.recorded_at));
      });
    });
  for (let i = 0; i < watched.length; i += 200) {
    sockets.push(...(await Promise.all(watched.slice(i, i + 200).map((order) => watch(order.id)))));
  }

  // Each rider sends a fix every FIX_EVERY_S, spread evenly: an open loop, timed from when each was due.
  const postFix = (token: string, body: string) =>
    new Promise<boolean>((resolve, reject) => {
      const req = http.request(`${url}/api/v1/rider/locations`, {
        agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.on('error', reject);
      req.end(body);
    });
  // Over the socket: each rider's own, answered by `locations_saved` with the frame's ref.
  const answers = new Map<string, (saved: boolean) => void>();
  const riderSocket = (token: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(wsUrl);
      socket.on('error', reject);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token })));
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString());
        if (frame.type === 'authenticated') resolve(socket);
        else if (frame.ref) answers.get(frame.ref)?.(frame.type === 'locations_saved' && frame.accepted === 1);
      });
    });
  const riderSockets: WebSocket[] = [];
  if (TRANSPORT === 'socket') {
    for (let i = 0; i < tokens.length; i += 500) {
      riderSockets.push(...(await Promise.all(tokens.slice(i, i + 500).map(riderSocket))));
    }
    sockets.push(...riderSockets);
    console.log(`${riderSockets.length} rider sockets open`);
  }
  const sendFix = (rider: number, lat: number, lng: number, ref: string) => {
    const points = [{ lat, lng, recorded_at: new Date().toISOString() }];
    if (TRANSPORT === 'http') return postFix(tokens[rider] ?? '', JSON.stringify({ points }));
    return new Promise<boolean>((resolve) => {
      answers.set(ref, (saved) => {
        answers.delete(ref);
        resolve(saved);
      });
      riderSockets[rider]?.send(JSON.stringify({ type: 'locations', ref, points }));
    });
  };
  const rate = RIDERS / FIX_EVERY_S;
  const total = Math.floor(rate * SECONDS);
  const latencies: number[] = [];
  let failures = 0;
  const sent: Promise<void>[] = [];
  started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const rider = i % RIDERS;
    // Riders drift slowly around the town: a few metres per fix.
    const lat = centre.lat + ((rider % 100) - 50) * 0.001 + (i / RIDERS) * 0.00005;
    const lng = centre.lng + (Math.floor(rider / 100) - 50) * 0.001;
    sent.push(
      sendFix(rider, lat, lng, String(i)).then((saved) => {
        if (!saved) failures += 1;
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(sent);
  const elapsed = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const result = {
    at: new Date().toISOString(),
    riders: RIDERS,
    transport: TRANSPORT,
    watchers: watched.length,
    offeredPerSecond: rate,
    acceptedPerSecond: (total - failures) / elapsed,
    failures,
    fixP50Ms: percentile(latencies, 0.5),
    fixP99Ms: percentile(latencies, 0.99),
    positionsReceived: receipts.length,
    sendToReceiptP50Ms: percentile(receipts, 0.5),
    sendToReceiptP99Ms: percentile(receipts, 0.99),
  };
  console.log(JSON.stringify(result, null, 2));
  const resultsDir = path.join(import.meta.dirname, 'results');
  await mkdir(resultsDir, { recursive: true });
  await writeFile(
    path.join(resultsDir, `positions-${result.at.replace(/[:.]/g, '-')}.json`),
    `${JSON.stringify(result, null, 2)}\n`,
  );
} finally {
  for (const socket of sockets) socket.terminate();
  agent.destroy();
  await database.close();
  child.kill('SIGTERM');
}
