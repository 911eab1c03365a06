import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { channels } from '@kupwara/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Follower, newKey } from '../faults/clients';
import { type ApiProcess, startApi, waitUntil } from '../faults/cluster';
import { HOME, type Market, makeMarket } from '../faults/workload';
import { clonePostgresTemplate } from '../test/databases';

// main.ts as production runs it with WEB_CONCURRENCY=2: one port, two worker processes, one
// PostgreSQL and one Redis between them.

interface Answer {
  status: number;
  text: string;
}

/** HTTP over one kept-alive connection, so every call reaches the same worker. */
function pinnedClient(base: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const call = (method: string, path: string, options: { token?: string; body?: unknown } = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const headers: Record<string, string> = { 'idempotency-key': newKey() };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const request = http.request(`${base}${path}`, { method, agent, headers }, (response) => {
        let text = '';
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
      request.end(options.body === undefined ? undefined : JSON.stringify(options.body));
    });
  const pid = async () => Number(/^process_pid (\d+)$/m.exec((await call('GET', '/metrics')).text)?.[1]);
  return { call, pid, close: () => agent.destroy() };
}
type PinnedClient = ReturnType<typeof pinnedClient>;

// The first order: placed, accepted, preparing.
const NOTIFIED = ['seller seller.new_order', 'customer customer.accepted', 'customer customer.preparing'];

const jobLines = (output: string) => [...output.matchAll(/"worker":(\d+),"msg":"this worker runs the jobs/g)];

// Processes start, die and drain here: each step gets a minute and more on a busy CI machine.
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)(
  'two worker processes on one port',
  { timeout: 120_000 },
  () => {
    let database: { url: string; drop(): Promise<void> };
    let db: pg.Pool;
    let api: ApiProcess;
    let market: Market;
    const workers = new Map<number, PinnedClient>();
    const orderIds: string[] = [];

    async function placeOrder(client: PinnedClient): Promise<string> {
      const placed = await client.call('POST', '/api/v1/orders', {
        token: market.customers[0]?.access_token,
        body: {
          store_id: market.storeId,
          items: [{ product_id: market.product.id, quantity: 1, unit_price_paise: market.product.price_paise }],
          delivery_address: HOME,
          payment_method: 'cash',
        },
      });
      expect(placed.status, placed.text).toBe(201);
      return (JSON.parse(placed.text) as { id: string }).id;
    }

    /** The notifications about an order: who got which, each once. */
    async function notified(orderId = '') {
      const { rows } = await db.query<{ kind: string; user_id: string }>(
        `SELECT kind, user_id FROM notifications WHERE data->>'order_id' = $1 ORDER BY created_at, kind`,
        [orderId],
      );
      const seller = market.seller.user.id;
      return rows.map((row) => `${row.user_id === seller ? 'seller' : 'customer'} ${row.kind}`);
    }

    beforeAll(async () => {
      database = await clonePostgresTemplate(process.env.DATABASE_URL ?? '');
      db = new pg.Pool({ connectionString: database.url, max: 2 });
      // Its own Redis database: the server keeps its cache and rate limits under no prefix.
      const redis = new URL(process.env.REDIS_URL ?? '');
      redis.pathname = '/13';
      api = await startApi({
        DATABASE_URL: database.url,
        REDIS_URL: redis.toString(),
        WEB_CONCURRENCY: '2',
        JWT_SECRET: randomBytes(48).toString('base64url'),
        LOG_LEVEL: 'info',
      });
      // Each new connection goes to the next worker: keep one to each.
      // The port answers once the first worker listens: the second may still be starting.
      await waitUntil(async () => {
        const client = pinnedClient(api.base);
        const pid = await client.pid();
        if (workers.has(pid)) client.close();
        else workers.set(pid, client);
        return workers.size === 2;
      }, 'both workers');
      market = await makeMarket(() => [api.base], 1);
    }, 120_000);

    afterAll(async () => {
      for (const client of workers.values()) client.close();
      await api?.remove();
      await db?.end();
      await database?.drop();
    });

    it('answers from two processes, neither of them the primary', () => {
      expect(workers.size).toBe(2);
      expect([...workers.keys()]).not.toContain(api.pid());
    });

    it('tells a socket on one worker what a request on the other did', async () => {
      const [first, second] = [...workers.values()];
      if (!first || !second) throw new Error('two workers expected');
      const customer = market.customers[0];
      if (!customer) throw new Error('a customer expected');
      const orderId = await placeOrder(first);
      orderIds.push(orderId);
      const channel = channels.order(orderId);
      const follower = new Follower(() => [`${api.base.replace('http', 'ws')}/ws`], customer.access_token, 0);
      await follower.start();
      await follower.follow(channel);
      // The placed order's event arrives replayed: from here on the subscription is live.
      await waitUntil(async () => follower.received.get(channel)?.has(1) ?? false, 'the replayed event');

      // One move through each worker: whichever the socket is on, one of them crossed through Redis.
      const token = market.seller.access_token;
      const accepted = await first.call('POST', `/api/v1/orders/${orderId}/transitions`, {
        token,
        body: { to: 'ACCEPTED', prep_minutes: 20 },
      });
      expect(accepted.status, accepted.text).toBe(200);
      const preparing = await second.call('POST', `/api/v1/orders/${orderId}/transitions`, {
        token,
        body: { to: 'PREPARING' },
      });
      expect(preparing.status, preparing.text).toBe(200);
      await waitUntil(async () => follower.received.get(channel)?.size === 3, 'both live events');
      follower.stop();
      expect([...(follower.received.get(channel) ?? [])]).toEqual([1, 2, 3]);
      expect(follower.errors).toEqual([]);
    });

    it('runs the jobs in one worker, and in another once that one dies', async () => {
      const chosen = jobLines(api.output()).map((line) => Number(line[1]));
      expect(chosen).toHaveLength(1);
      const runner = chosen[0] ?? 0;
      expect([...workers.keys()]).toContain(runner);
      await waitUntil(async () => (await notified(orderIds[0])).length === 3, "the first order's notifications");
      expect(await notified(orderIds[0])).toEqual(NOTIFIED);

      process.kill(runner, 'SIGKILL');
      await waitUntil(async () => jobLines(api.output()).length === 2, 'another worker to take the jobs');
      const next = Number(jobLines(api.output())[1]?.[1]);
      expect(next).not.toBe(runner);
      expect([...workers.keys()]).toContain(next);
      // Jobs still run: a new order's seller hears of it.
      const [client] = [...workers.entries()].filter(([pid]) => pid === next).map(([, c]) => c);
      if (!client) throw new Error('the new runner expected');
      const orderId = await placeOrder(client);
      await waitUntil(async () => (await notified(orderId)).length === 1, "the second order's notification");
      expect(await notified(orderId)).toEqual(['seller seller.new_order']);
      // The primary started a worker in the dead one's place.
      await waitUntil(async () => {
        const fresh = pinnedClient(api.base);
        const pid = await fresh.pid().finally(fresh.close);
        return Number.isInteger(pid) && !workers.has(pid);
      }, 'a new worker');
    });

    it('finishes a request in flight on SIGTERM, then the primary exits 0', async () => {
      const body = JSON.stringify({ phone: market.seller.phone, password: 'chinar-leaf-42' });
      const half = Math.floor(body.length / 2);
      const drains = () => api.output().split('shutting down: finishing in-flight requests').length - 1;
      const drainsBefore = drains();
      let continued: () => void = () => undefined;
      const reached = new Promise<void>((resolve) => {
        continued = resolve;
      });
      const answer = new Promise<Answer>((resolve, reject) => {
        const request = http.request(`${api.base}/api/v1/auth/login`, {
          method: 'POST',
          agent: false,
          // The server's 100 Continue says a worker holds the request: the body then comes slowly.
          headers: { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue' },
        });
        request.on('continue', () => {
          request.write(body.slice(0, half));
          continued();
        });
        request.on('response', (response) => {
          let text = '';
          response.on('data', (chunk) => {
            text += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        });
        request.on('error', reject);
        reached.then(async () => {
          // Sent only once both workers are draining: the request was in flight all through the drain.
          await waitUntil(async () => drains() >= drainsBefore + 2, 'both workers to start draining');
          request.end(body.slice(half));
        });
      });
      await reached;
      const pid = api.pid();
      if (!pid) throw new Error('the primary has no pid');
      // Kept-alive idle connections can hold a worker's close until its timeout (seen in some runs,
      // not yet understood): this test is about the request in flight, so it lets them go first.
      for (const client of workers.values()) client.close();
      process.kill(pid, 'SIGTERM');
      const login = await answer;
      expect(login.status, login.text).toBe(200);
      expect(JSON.parse(login.text)).toHaveProperty('access_token');
      await waitUntil(async () => !api.alive(), 'the primary to exit');
      expect(api.exitCode()).toBe(0);
    });
  },
);
