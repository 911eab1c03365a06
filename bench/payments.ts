// npm run bench:payments (DATABASE_URL at an empty PostgreSQL database): online payments against a
// fake Razorpay on 127.0.0.1 (backend/test/fake-razorpay.ts, answering as Razorpay documents).
//   1. BENCH_ORDERS (500) orders paid online, their `payment.captured` webhooks sent BENCH_WIDTH (10)
//      at a time: from the webhook sent to the shop's socket hearing the order (PENDING), p50/p99,
//      and the webhook's own answer time;
//   2. BENCH_REPLAYED (100) more paid orders, each payment's webhooks replayed 10 times at once
//      (1,000 requests: `payment.captured` and `order.paid`, 5 each, as Razorpay retries them):
//      the captures made must be the number of distinct payments.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Checkout, channels, type Order } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import { openPostgres } from '../backend/src/platform/db';
import { startFakeRazorpay } from '../backend/test/fake-razorpay';
import { call, inBatches, percentile } from './http';
import { alwaysOpen, centre } from './town';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 500);
const REPLAYED = Number(process.env.BENCH_REPLAYED ?? 100);
const WIDTH = Number(process.env.BENCH_WIDTH ?? 10);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('set DATABASE_URL to an empty PostgreSQL database');

const keys = { keyId: 'rzp_test_bench', keySecret: 'bench-key-secret', webhookSecret: 'bench-webhook-secret' };
const fake = await startFakeRazorpay(keys);

function startApp(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(import.meta.dirname, 'serve.ts'), ['app'], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      ORDER_ACCEPT_TIMEOUT_S: '86400',
      PAYMENT_TIMEOUT_S: '86400',
      PUSH_SERVICE: 'log',
      PAYMENT_GATEWAY: 'razorpay',
      RAZORPAY_KEY_ID: keys.keyId,
      RAZORPAY_KEY_SECRET: keys.keySecret,
      RAZORPAY_WEBHOOK_SECRET: keys.webhookSecret,
      RAZORPAY_API_URL: fake.url,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ url: `http://127.0.0.1:${(m as { port: number }).port}`, child }));
    child.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
}

async function signUp(api: string, role: 'seller' | 'customer') {
  const { access_token: token } = await call<{ access_token: string }>(`${api}/auth/register`, 'POST', {
    name: `Bench ${role}`,
    phone: `+9196${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    password: 'bench-password-1',
    role,
  });
  return token;
}

/** The shop's socket: when it first heard each order become the shop's to answer. */
function followStore(wsUrl: string, token: string, storeId: string, heard: Map<string, number>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl);
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token })));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type === 'authenticated')
        socket.send(JSON.stringify({ type: 'subscribe', channel: channels.store(storeId) }));
      else if (frame.type === 'subscribed') resolve(socket);
      else if (frame.type === 'event' && frame.event.status === 'PENDING' && !heard.has(frame.event.order_id))
        heard.set(frame.event.order_id, Date.now());
    });
  });
}

const { url, child } = await startApp();
const api = `${url}/api/v1`;
const webhookUrl = `${api}/payments/webhooks/razorpay`;
const database = await openPostgres(databaseUrl, 2);
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
  const customers = await inBatches(Array.from({ length: 20 }), 10, () => signUp(api, 'customer'));
  const heard = new Map<string, number>();
  const socket = await followStore(`${url.replace('http', 'ws')}/ws`, seller, store.id, heard);

  /** Orders placed to be paid online, each paid at the fake gateway (captured) with no webhook sent yet. */
  const paidOrders = (count: number, tag: string) =>
    inBatches(Array.from({ length: count }), WIDTH, async (_, i) => {
      const token = customers[i % customers.length];
      const order = await call<Order>(
        `${api}/orders`,
        'POST',
        {
          store_id: store.id,
          items: [{ product_id: product.id, quantity: 1, unit_price_paise: 1000 }],
          delivery_address: { text: 'Near the Jamia Masjid', location: centre },
          payment_method: 'online',
        },
        token,
        `bench-pay-${tag}-${i}-${Date.now()}`,
      );
      const checkout = await call<Checkout>(`${api}/orders/${order.id}/payment`, 'POST', undefined, token);
      const { payment } = await fake.pay(checkout.gateway_order_id, { method: 'upi' });
      return { order, payment };
    });

  // 1. Webhook → the shop hears of the order.
  const paid = await paidOrders(ORDERS, 'one');
  const sentAt = new Map<string, number>();
  const answered: number[] = [];
  const sending = performance.now();
  await inBatches(paid, WIDTH, async ({ order, payment }) => {
    sentAt.set(order.id, Date.now());
    const started = performance.now();
    const status = await fake.webhook(webhookUrl, 'payment.captured', { payment });
    answered.push(performance.now() - started);
    if (status !== 200) throw new Error(`webhook answered ${status}`);
  });
  const sentPerS = Math.round(paid.length / ((performance.now() - sending) / 1000));
  const deadline = Date.now() + 120_000;
  while (heard.size < paid.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const visible = paid.map(({ order }) => (heard.get(order.id) ?? Number.NaN) - (sentAt.get(order.id) ?? Number.NaN));

  // 2. The same webhooks many times at once.
  const replayed = await paidOrders(REPLAYED, 'replay');
  const requests = replayed.flatMap(({ payment }) => {
    const captured = `evt_bench_cap_${payment.id}`;
    const orderPaid = `evt_bench_paid_${payment.id}`;
    return Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0
        ? () => fake.webhook(webhookUrl, 'payment.captured', { payment }, { eventId: captured })
        : () => fake.webhook(webhookUrl, 'order.paid', { payment }, { eventId: orderPaid }),
    );
  });
  const statuses = await Promise.all(requests.map((send) => send()));
  const ids = replayed.map(({ order }) => order.id);
  const settled = Date.now() + 120_000;
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await database.db.execute<{ n: number }>(query)).rows[0]?.n ?? 0);
  const unprocessed = () => count(sql`SELECT count(*)::int AS n FROM gateway_events WHERE processed_at IS NULL`);
  while ((await unprocessed()) > 0 && Date.now() < settled) await new Promise((resolve) => setTimeout(resolve, 100));
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const captures = await count(
    sql`SELECT count(*)::int AS n FROM payments WHERE kind = 'charge' AND status = 'captured' AND order_id IN (${idList})`,
  );
  const released = await count(
    sql`SELECT count(*)::int AS n FROM order_events WHERE status = 'PENDING' AND order_id IN (${idList})`,
  );
  const refunds = await count(sql`SELECT count(*)::int AS n FROM payments WHERE kind = 'refund'`);
  socket.close();

  const result = {
    orders: ORDERS,
    webhooks_sent_per_s: sentPerS,
    webhook_to_shop_ms: { p50: percentile(visible, 0.5), p99: percentile(visible, 0.99), n: heard.size },
    webhook_answer_ms: { p50: Math.round(percentile(answered, 0.5)), p99: Math.round(percentile(answered, 0.99)) },
    replay: {
      webhooks: requests.length,
      answered_200: statuses.filter((status) => status === 200).length,
      distinct_payments: replayed.length,
      captures,
      orders_released: released,
      refunds,
    },
  };
  console.log(JSON.stringify(result, null, 2));
  const resultsDir = path.join(import.meta.dirname, 'results');
  await mkdir(resultsDir, { recursive: true });
  await writeFile(path.join(resultsDir, 'payments.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  child.kill('SIGTERM');
  await database.close();
  await fake.close();
}
