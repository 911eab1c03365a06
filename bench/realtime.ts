// npm run bench:realtime: one API process with many sockets: BENCH_SOCKETS (default 10,000) each
// following its own order, BENCH_STORE_SOCKETS (500) following one busy store, while the seller
// accepts BENCH_EVENTS orders (300) at BENCH_EVENT_RATE per second (30). Reports the latency from an
// event's recording to its receipt, p50/p99, for both kinds of socket, and the server's memory.
// DATABASE_URL / REDIS_URL as for `npm run bench`.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { channels } from '@kupwara/shared';
import WebSocket from 'ws';
import { alwaysOpen, centre } from './town';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 10_000);
const STORE_SOCKETS = Number(process.env.BENCH_STORE_SOCKETS ?? 500);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 300);
const EVENT_RATE = Number(process.env.BENCH_EVENT_RATE ?? 30);
const resultsDir = path.join(import.meta.dirname, 'results');

function startApp(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(import.meta.dirname, 'serve.ts'), ['app'], {
    execArgv: ['--import', 'tsx'],
    // Orders wait for the seller far longer than the run: none is cancelled midway.
    env: { ...process.env, ORDER_ACCEPT_TIMEOUT_S: '86400' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ url: `http://127.0.0.1:${(m as { port: number }).port}`, child }));
    child.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
}

async function call<T>(url: string, method: string, body: unknown, token?: string, key?: string): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const signUp = async (api: string, role: string) =>
  (
    await call<{ access_token: string }>(`${api}/auth/register`, 'POST', {
      name: `Bench ${role}`,
      phone: `+9195${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      password: 'bench-password-1',
      role,
    })
  ).access_token;

/** Runs `work` for each item, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width)
    results.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return results;
}

/** A socket that signed in and follows one channel; every event's latency goes to `latencies`. */
function follow(wsUrl: string, token: string, channel: string, latencies: number[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl);
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token })));
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'authenticated') socket.send(JSON.stringify({ type: 'subscribe', channel }));
      else if (frame.type === 'subscribed') resolve(socket);
      else if (frame.type === 'event') latencies.push(Date.now() - Date.parse(frame.event.recorded_at));
      else if (frame.type === 'error') reject(new Error(`${channel}: ${frame.code} ${frame.message}`));
    });
  });
}

const percentile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] ?? Number.NaN;

async function residentMb(pid: number | undefined) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

const { url, child } = await startApp();
const api = `${url}/api/v1`;
const wsUrl = `${url.replace('http', 'ws')}/ws`;
const sockets: WebSocket[] = [];
try {
  const seller = await signUp(api, 'seller');
  await call(
    `${api}/seller/store`,
    'POST',
    { name: 'Busy Shop', address: 'Main Bazaar', location: centre, delivery_radius_km: 5 },
    seller,
  );
  const store = await call<{ id: string }>(
    `${api}/seller/store`,
    'PATCH',
    { version: 1, opening_hours: alwaysOpen },
    seller,
  );
  const product = await call<{ id: string }>(
    `${api}/seller/products`,
    'POST',
    { name: 'Bread', price_paise: 1000, unit: '1 pc', stock: 1_000_000 },
    seller,
  );
  const customer = await signUp(api, 'customer');

  let started = performance.now();
  const orders = await inBatches(
    Array.from({ length: SOCKETS }, (_, i) => i),
    25,
    (i) =>
      call<{ id: string }>(
        `${api}/orders`,
        'POST',
        {
          store_id: store.id,
          items: [{ product_id: product.id, quantity: 1, unit_price_paise: 1000 }],
          delivery_address: { text: 'Near the Jamia Masjid', location: centre },
          payment_method: 'cash',
        },
        customer,
        `bench-realtime-${i}-${Date.now()}`,
      ),
  );
  console.log(`${orders.length} orders placed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const memoryBefore = await residentMb(child.pid);
  const orderLatencies: number[] = [];
  const storeLatencies: number[] = [];
  started = performance.now();
  sockets.push(
    ...(await inBatches(orders, 200, (order) => follow(wsUrl, customer, channels.order(order.id), orderLatencies))),
  );
  sockets.push(
    ...(await inBatches(Array.from({ length: STORE_SOCKETS }), 100, () =>
      follow(wsUrl, seller, channels.store(store.id), storeLatencies),
    )),
  );
  const memoryWithSockets = await residentMb(child.pid);
  console.log(`${sockets.length} sockets subscribed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The seller accepts orders at a steady pace: each event goes to one customer socket and every store socket.
  started = performance.now();
  for (let i = 0; i < Math.min(EVENTS, orders.length); i++) {
    const wait = started + (i * 1000) / EVENT_RATE - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    void call(`${api}/orders/${orders[i]?.id}/transitions`, 'POST', { to: 'ACCEPTED', prep_minutes: 20 }, seller);
  }
  const expected = Math.min(EVENTS, orders.length);
  const deadline = Date.now() + 30_000;
  while (
    (orderLatencies.length < expected || storeLatencies.length < expected * STORE_SOCKETS) &&
    Date.now() < deadline
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const memoryAfter = await residentMb(child.pid);
  const result = {
    at: new Date().toISOString(),
    database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    redis: Boolean(process.env.REDIS_URL),
    sockets: sockets.length,
    events: expected,
    eventRatePerSecond: EVENT_RATE,
    orderSocket: {
      received: orderLatencies.length,
      p50Ms: percentile(orderLatencies, 0.5),
      p99Ms: percentile(orderLatencies, 0.99),
    },
    storeSockets: {
      received: storeLatencies.length,
      expected: expected * STORE_SOCKETS,
      p50Ms: percentile(storeLatencies, 0.5),
      p99Ms: percentile(storeLatencies, 0.99),
    },
    residentMb: { idle: memoryBefore, withSockets: memoryWithSockets, afterFanOut: memoryAfter },
  };
  console.log(JSON.stringify(result, null, 2));
  await mkdir(resultsDir, { recursive: true });
  await writeFile(
    path.join(resultsDir, `realtime-${result.at.replace(/[:.]/g, '-')}.json`),
    `${JSON.stringify(result, null, 2)}\n`,
  );
} finally {
  for (const socket of sockets) socket.terminate();
  child.kill('SIGTERM');
}
