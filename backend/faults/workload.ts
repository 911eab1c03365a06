import { type ChannelName, channels, initialStatus, type OrderStatus, pathBetween } from '@kupwara/shared';
import type pg from 'pg';
import { expect } from 'vitest';
import { type Answer, Client, Follower, newKey } from './clients';
import { sleep, waitUntil } from './cluster';

// The faults harness's workload: a shop, customers ordering while the shop moves each order along,
// socket followers, and the checks of what the database holds afterwards.

/** Where the live API processes are, asked afresh at each call (one may have been killed). */
export interface Targets {
  live: () => string[];
  wsUrls: () => string[];
}

let phone = 0;

const FOLLOW_TO: OrderStatus = 'PREPARING';
const steps = pathBetween(initialStatus, FOLLOW_TO);
const ALWAYS_OPEN = Object.fromEntries(
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, [{ open: '00:00', close: '23:59' }]]),
);
const KUPWARA = { lat: 34.5297, lng: 74.2543 };
export const HOME = { label: 'Home', text: 'Near the Jamia Masjid', location: { lat: 34.5405, lng: 74.2543 } };

async function register(client: Client, role: 'customer' | 'seller') {
  phone += 1;
  const body = {
    name: 'Faults Harness',
    phone: `+9199${String(Date.now()).slice(-4)}${String(phone).padStart(4, '0')}`,
    password: 'chinar-leaf-42',
    role,
  };
  const res = await client.call('POST', '/auth/register', { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...(res.body as { access_token: string; user: { id: string } }), phone: body.phone };
}

export interface Market {
  seller: { access_token: string; phone: string; user: { id: string } };
  storeId: string;
  product: { id: string; price_paise: number };
  customers: { access_token: string; user: { id: string } }[];
}

export async function makeMarket(live: Targets['live'], customers: number): Promise<Market> {
  const client = new Client(live, 'setup');
  const seller = await register(client, 'seller');
  const token = seller.access_token;
  const created = await client.call('POST', '/seller/store', {
    token,
    body: { name: 'Lone General Store', address: 'Main Bazaar', location: KUPWARA, delivery_radius_km: 5 },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const patched = await client.call('PATCH', '/seller/store', {
    token,
    body: { version: 1, opening_hours: ALWAYS_OPEN, categories: ['grocery'] },
  });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  const product = await client.call('POST', '/seller/products', {
    token,
    body: { name: 'Basmati Rice', price_paise: 12_000, unit: '1 kg', stock: 100_000 },
  });
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const people = await Promise.all(Array.from({ length: customers }, () => register(client, 'customer')));
  return {
    seller,
    storeId: (patched.body as { id: string }).id,
    product: product.body as { id: string; price_paise: number },
    customers: people,
  };
}

export interface Stream {
  /** Idempotency keys of the orders placed (each answered 201, maybe after retries). */
  placed: Map<string, string>;
  followers: Follower[];
  customerClients: Client[];
  sellerClient: Client;
  failures: string[];
}

/** How often each customer places an order (then the shop moves it through its steps). */
const ORDER_EVERY_MS = 400;

/** Customers placing orders while the seller walks each along the path, until stopped. */
export function startStream(
  targets: Targets,
  market: Market,
  label: string,
): { stream: Stream; stop(): Promise<Stream> } {
  const { live, wsUrls } = targets;
  const sellerClient = new Client(live, `${label} seller`);
  const stream: Stream = { placed: new Map(), followers: [], customerClients: [], sellerClient, failures: [] };
  let done = false;
  const workers = Promise.all(
    market.customers.map(async (customer, i) => {
      const client = new Client(live, `${label} customer ${i}`);
      const follower = new Follower(wsUrls, customer.access_token, i);
      stream.customerClients.push(client);
      stream.followers.push(follower);
      await follower.start();
      while (!done) {
        // A phone's pace, not a load test's: one socket follows at most ~150 orders in a run, below
        // the server's 200 channels a socket.
        const paced = sleep(ORDER_EVERY_MS);
        const key = newKey();
        const res: Answer = await client.call('POST', '/orders', {
          token: customer.access_token,
          key,
          body: {
            store_id: market.storeId,
            items: [{ product_id: market.product.id, quantity: 1, unit_price_paise: market.product.price_paise }],
            delivery_address: HOME,
            payment_method: 'cash',
          },
        });
        if (res.status !== 201) {
          stream.failures.push(`place: ${res.status} ${JSON.stringify(res.body)}`);
          continue;
        }
        const orderId = (res.body as { id: string }).id;
        stream.placed.set(key, orderId);
        await follower.follow(channels.order(orderId));
        for (const step of steps) {
          const body = step.needs.includes('prep') ? { to: step.to, prep_minutes: 20 } : { to: step.to };
          const moved = await sellerClient.call('POST', `/orders/${orderId}/transitions`, {
            token: market.seller.access_token,
            key: newKey(),
            body,
          });
          if (moved.status !== 200) stream.failures.push(`move: ${moved.status} ${JSON.stringify(moved.body)}`);
        }
        await paced;
      }
    }),
  );
  return {
    stream,
    async stop() {
      done = true;
      await workers;
      for (const follower of stream.followers) stream.failures.push(...follower.errors);
      return stream;
    },
  };
}

/** Every event of the stream's orders in the database reached its follower (after resume). */
export async function eventsMissed(db: pg.Pool, stream: Stream, waitMs = 15_000) {
  const ids = [...stream.placed.values()];
  const { rows } = await db.query<{ order_id: string; seq: number }>(
    'SELECT order_id, seq FROM order_events WHERE order_id = ANY($1)',
    [ids],
  );
  const missing = () =>
    rows.filter((row) => {
      const channel: ChannelName = channels.order(row.order_id);
      return !stream.followers.some((follower) => follower.received.get(channel)?.has(row.seq));
    }).length;
  await waitUntil(async () => missing() === 0, 'followers to catch up', waitMs).catch(() => undefined);
  const missed = missing();
  if (missed > 0) {
    const lost = rows.filter(
      (row) => !stream.followers.some((f) => f.received.get(channels.order(row.order_id))?.has(row.seq)),
    );
    const detail = await db.query(
      `SELECT order_id, seq, status, recorded_at FROM order_events WHERE order_id = ANY($1) ORDER BY order_id, seq`,
      [lost.map((row) => row.order_id)],
    );
    const had = lost.map((row) => [
      ...(stream.followers
        .find((f) => f.received.has(channels.order(row.order_id)))
        ?.received.get(channels.order(row.order_id)) ?? []),
    ]);
    console.error('events missed', JSON.stringify({ lost, detail: detail.rows, had }));
  }
  return { events: rows.length, missed };
}

/** Orders sent vs stored, duplicates, and each order's events and side effects done once. */
export async function ledger(db: pg.Pool, market: Market, stream: Stream) {
  const customerIds = market.customers.map((customer) => customer.user.id);
  const stored = await db.query<{ id: string; events: number; statuses: number; max_seq: number }>(
    `SELECT o.id, count(e.seq)::int AS events, count(DISTINCT e.status)::int AS statuses, max(e.seq)::int AS max_seq
     FROM orders o JOIN order_events e ON e.order_id = o.id WHERE o.customer_id = ANY($1) GROUP BY o.id`,
    [customerIds],
  );
  const sentIds = new Set(stream.placed.values());
  const storedIds = new Set(stored.rows.map((row) => row.id));
  const keys = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM idempotency_keys WHERE user_id = ANY($1) AND key = ANY($2)`,
    [customerIds, [...stream.placed.keys()]],
  );
  const notifications = await db.query<{ order_id: string; n: number }>(
    `SELECT data->>'order_id' AS order_id, count(*)::int AS n FROM notifications
     WHERE data->>'order_id' = ANY($1) GROUP BY 1`,
    [[...sentIds]],
  );
  const perOrder = new Map(notifications.rows.map((row) => [row.order_id, row.n]));
  const counts = [...sentIds].map((id) => perOrder.get(id) ?? 0);
  const usual = Math.max(...counts);
  const facts = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM order_events e
     WHERE e.order_id = ANY($1) AND NOT EXISTS (SELECT 1 FROM order_facts f WHERE f.order_id = e.order_id AND f.seq = e.seq)`,
    [[...sentIds]],
  );
  return {
    'orders sent': sentIds.size,
    'orders stored': storedIds.size,
    'orders lost': [...sentIds].filter((id) => !storedIds.has(id)).length,
    duplicates: storedIds.size - [...storedIds].filter((id) => sentIds.has(id)).length,
    'keys remembered': keys.rows[0]?.n ?? 0,
    'orders with a doubled or missing event': stored.rows.filter(
      (row) => row.events !== steps.length + 1 || row.statuses !== row.events || row.max_seq !== row.events,
    ).length,
    'notifications per order': usual,
    'orders with other notification counts': counts.filter((n) => n !== usual).length,
    'events without their analytics fact': facts.rows[0]?.n ?? -1,
  };
}

/**
 * Jobs due now, jobs tried and not done (in a runner's hands, or leased by one that was killed:
 * another takes it when the lease ends), and jobs given up. Untried ones scheduled later (an
 * order's accept timeout) are none of these.
 */
export async function jobCounts(db: pg.Pool) {
  const { rows } = await db.query<{ due: number; tried: number; failed: number }>(
    `SELECT count(*) FILTER (WHERE failed_at IS NULL AND run_at <= now())::int AS due,
            count(*) FILTER (WHERE failed_at IS NULL AND attempts > 0)::int AS tried,
            count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed FROM jobs`,
  );
  return rows[0] ?? { due: -1, tried: -1, failed: -1 };
}

export const jobsSettled = async (db: pg.Pool) => {
  const jobs = await jobCounts(db);
  return jobs.due === 0 && jobs.tried === 0;
};

export function answers(clients: Client[]) {
  const total = new Map<string, number>();
  for (const client of clients)
    for (const [what, n] of client.answers) total.set(`HTTP ${what}`, (total.get(`HTTP ${what}`) ?? 0) + n);
  return Object.fromEntries(total);
}
