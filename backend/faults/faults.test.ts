import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { channels } from '@kupwara/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, newKey, once } from './clients';
import {
  type ApiProcess,
  type Postgres,
  type RedisServer,
  sleep,
  startApi,
  startPostgres,
  startRedis,
  waitUntil,
} from './cluster';
import { answers, eventsMissed, HOME, jobCounts, jobsSettled, ledger, makeMarket, startStream } from './workload';

// Two API processes on one PostgreSQL and one Redis of the harness's own, faulted one way at a
// time. Each scenario prints what the issue asks for; FAULTS_RESULTS names a JSON file to keep them in.

let postgres: Postgres;
let redis: RedisServer;
const apis: ApiProcess[] = [];
const figures: Record<string, Record<string, number | string>> = {};
const live = () => apis.filter((api) => api.alive()).map((api) => api.base);
const wsUrls = () => live().map((base) => `${base.replace('http', 'ws')}/ws`);
const targets = { live, wsUrls };

describe('faults survived by two API processes on PostgreSQL + Redis', () => {
  let db: pg.Pool;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const env = { DATABASE_URL: postgres.url, REDIS_URL: redis.url, JWT_SECRET: randomBytes(32).toString('base64url') };
    // The first migrates; the second finds it done.
    apis.push(await startApi(env));
    apis.push(await startApi(env));
    // A pool, so the harness's own reads reconnect after PostgreSQL restarts.
    db = new pg.Pool({ connectionString: postgres.url, max: 2 });
    db.on('error', () => undefined);
  });

  afterAll(async () => {
    // Figures down, scenarios across: the rows the closing note quotes.
    const metrics = [...new Set(Object.values(figures).flatMap((row) => Object.keys(row)))];
    console.table(
      Object.fromEntries(
        metrics.map((metric) => [
          metric,
          Object.fromEntries(Object.entries(figures).map(([scenario, row]) => [scenario, row[metric] ?? ''])),
        ]),
      ),
    );
    if (process.env.FAULTS_RESULTS) await writeFile(process.env.FAULTS_RESULTS, JSON.stringify(figures, null, 2));
    await db?.end().catch(() => undefined);
    await Promise.all(apis.map((api) => api.remove()));
    await redis?.stop();
    await postgres?.remove();
  });

  it('SIGKILL of one process amid orders: none lost or doubled, effects once, every event after resume', async () => {
    const market = await makeMarket(live, 6);
    const killed = apis[0];
    if (!killed) throw new Error('no API');
    const running = startStream(targets, market, 'kill');
    await sleep(6000);
    await killed.kill('SIGKILL');
    await sleep(6000);
    const result = await running.stop();
    const leased = (await jobCounts(db)).tried;
    // A job the killed process had claimed waits out its lease (a minute), then the other runs it.
    const drained = await waitUntil(() => jobsSettled(db), 'every job tried to be done', 90_000);
    const missed = await eventsMissed(db, result);
    const row = {
      ...(await ledger(db, market, result)),
      events: missed.events,
      'events missed': missed.missed,
      'socket reconnects': result.followers.reduce((n, follower) => n + follower.reconnects, 0),
      'jobs in hand when the stream stopped': leased,
      's until every job was done': (drained / 1000).toFixed(1),
      'jobs failed': (await jobCounts(db)).failed,
      'refused requests': result.failures.length,
      ...answers([...result.customerClients, result.sellerClient]),
    };
    figures['SIGKILL one of two'] = row;
    for (const follower of result.followers) follower.stop();
    await killed.restart();
    expect(result.failures).toEqual([]);
    expect(row['orders lost']).toBe(0);
    expect(row.duplicates).toBe(0);
    expect(row['orders with a doubled or missing event']).toBe(0);
    expect(row['orders with other notification counts']).toBe(0);
    expect(row['events missed']).toBe(0);
    expect(row['jobs failed']).toBe(0);
  });

  it('Redis stopped for 30 s: the API answers throughout, nothing corrupted, sockets catch up', async () => {
    const market = await makeMarket(live, 4);
    const reads = new Client(live, 'reads');
    let readsDone = false;
    const readLoop = (async () => {
      while (!readsDone) {
        await reads.call('GET', `/stores/${market.storeId}`);
        await reads.call('GET', `/stores/${market.storeId}/products`);
        await sleep(50);
      }
    })();
    const running = startStream(targets, market, 'redis');
    await sleep(3000);
    await redis.stop();
    const stoppedAt = Date.now();
    await sleep(2000);
    // A change made while Redis is away must show once it is back (no stale cache).
    const current = await once(`${live()[0]}/api/v1/seller/store`, 'GET', { token: market.seller.access_token });
    const renamed = `Renamed ${Date.now()}`;
    const rename = await once(`${live()[0]}/api/v1/seller/store`, 'PATCH', {
      token: market.seller.access_token,
      body: { version: (current.body as { version: number }).version, name: renamed },
    });
    expect(rename.status, JSON.stringify(rename.body)).toBe(200);
    // Signing in counts attempts in Redis; the limiter lets requests through when its store fails.
    const login = await once(`${live()[0]}/api/v1/auth/login`, 'POST', {
      body: { phone: market.seller.phone, password: 'chinar-leaf-42' },
    });
    await sleep(Math.max(0, 30_000 - (Date.now() - stoppedAt)));
    const made = (await db.query<{ order_id: string; seq: number }>('SELECT order_id, seq FROM order_events')).rows;
    await redis.start();
    const startedAt = Date.now();
    const readyAfter = await waitUntil(
      async () =>
        (await Promise.all(apis.map(async (api) => (await once(`${api.base}/readyz`, 'GET')).status === 200))).every(
          Boolean,
        ),
      '/readyz ok',
    );
    // Every event of the followed orders recorded while Redis was away, received by a follower.
    const followed = () =>
      made.filter((row) =>
        running.stream.followers.some((follower) => follower.received.has(channels.order(row.order_id))),
      );
    const caughtUpAfter = await waitUntil(
      async () =>
        followed().every((row) =>
          running.stream.followers.some((follower) =>
            follower.received.get(channels.order(row.order_id))?.has(row.seq),
          ),
        ),
      'sockets to catch up',
      30_000,
    ).catch(() => Number.NaN);
    await sleep(2000);
    const result = await running.stop();
    readsDone = true;
    await readLoop;
    const missed = await eventsMissed(db, result);
    const shown = await Promise.all(
      apis.map(
        async (api) =>
          ((await once(`${api.base}/api/v1/stores/${market.storeId}`, 'GET')).body as { name: string }).name,
      ),
    );
    const all = answers([...result.customerClients, result.sellerClient, reads]);
    const others = Object.entries(all)
      .filter(([status]) => !status.startsWith('HTTP 2'))
      .reduce((n, [, count]) => n + count, 0);
    const row = {
      ...(await ledger(db, market, result)),
      events: missed.events,
      'events missed': missed.missed,
      'socket reconnects': result.followers.reduce((n, follower) => n + follower.reconnects, 0),
      'answers 2xx': Object.entries(all)
        .filter(([status]) => status.startsWith('HTTP 2'))
        .reduce((n, [, count]) => n + count, 0),
      'answers other': others,
      'stale store after': shown.filter((name) => name !== renamed).length,
      'login while Redis down': login.status,
      's Redis down': ((startedAt - stoppedAt) / 1000).toFixed(1),
      's to /readyz ok after start': (readyAfter / 1000).toFixed(1),
      's until sockets had every event made while down': (caughtUpAfter / 1000).toFixed(1),
      ...all,
    };
    figures['Redis down 30 s'] = row;
    for (const follower of result.followers) follower.stop();
    expect(result.failures).toEqual([]);
    expect(others).toBe(0);
    expect(row['orders lost']).toBe(0);
    expect(row.duplicates).toBe(0);
    expect(row['events missed']).toBe(0);
    expect(row['stale store after']).toBe(0);
    expect(login.status).toBe(200);
  });

  it('PostgreSQL restarted: 503 UNAVAILABLE meanwhile, never a 500 or a hang, then it recovers alone', async () => {
    const market = await makeMarket(live, 1);
    const [customer] = market.customers;
    if (!customer) throw new Error('no customer');
    const seen = new Map<string, number>();
    const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
    let readyzSaidDatabaseFailing = false;
    let badUnavailable = 0;
    let stopped = false;
    let restarted = 0;
    const firstOk = new Map<string, number>();
    const probe = async (api: ApiProcess) => {
      // Until each process has placed an order and said ready since the restart (or 30 s went by).
      while (!stopped || (firstOk.size < apis.length * 2 && Date.now() - restarted < 30_000)) {
        const answers = await Promise.allSettled([
          once(`${api.base}/api/v1/me`, 'GET', { token: customer.access_token }),
          once(`${api.base}/api/v1/orders`, 'POST', {
            token: customer.access_token,
            key: newKey(),
            body: {
              store_id: market.storeId,
              items: [{ product_id: market.product.id, quantity: 1, unit_price_paise: market.product.price_paise }],
              delivery_address: HOME,
              payment_method: 'cash',
            },
          }),
          once(`${api.base}/readyz`, 'GET'),
        ]);
        answers.forEach((answer, i) => {
          const what = ['me', 'order', 'readyz'][i];
          if (answer.status === 'rejected') {
            count(`${what} no answer`);
            return;
          }
          const { status, body, headers } = answer.value;
          count(`${what} ${status}`);
          if (what === 'readyz') {
            if ((body as { checks: { database: string } }).checks.database === 'failing')
              readyzSaidDatabaseFailing = true;
            if (status === 200 && restarted && !firstOk.has(`${api.base} readyz`))
              firstOk.set(`${api.base} readyz`, Date.now());
            return;
          }
          if (
            status === 503 &&
            ((body as { error?: { code?: string } }).error?.code !== 'UNAVAILABLE' || !headers.get('retry-after'))
          )
            badUnavailable += 1;
          if (what === 'order' && status === 201 && restarted && !firstOk.has(`${api.base} order`))
            firstOk.set(`${api.base} order`, Date.now());
        });
        await sleep(100);
      }
    };
    const probes = Promise.all(apis.map(probe));
    await sleep(1000);
    const stopAt = Date.now();
    await postgres.stop();
    await sleep(4000);
    await postgres.start();
    restarted = Date.now();
    stopped = true;
    await probes;
    const recovery = firstOk.size === apis.length * 2 ? Math.max(...firstOk.values()) - restarted : Number.NaN;
    await sleep(1500);
    const jobs = await jobCounts(db);
    const row: Record<string, number | string> = {
      's PostgreSQL down': ((restarted - stopAt) / 1000).toFixed(1),
      's to recover after start (orders and /readyz on both)': (recovery / 1000).toFixed(1),
      '/readyz said database failing': readyzSaidDatabaseFailing ? 'yes' : 'no',
      '503 without the contract or Retry-After': badUnavailable,
      'processes alive': apis.filter((api) => api.alive()).length,
      'due jobs left after': jobs.due,
      ...Object.fromEntries(seen),
    };
    figures['PostgreSQL restart'] = row;
    for (const api of apis) if (!api.alive()) console.error(`an API process died:\n${api.output().slice(-4000)}`);
    const fiveHundreds = [...seen].filter(([what]) => / 500$|no answer/.test(what));
    expect(fiveHundreds).toEqual([]);
    expect(badUnavailable).toBe(0);
    expect(readyzSaidDatabaseFailing).toBe(true);
    expect(firstOk.size, 'each process placed an order and said ready after the restart').toBe(apis.length * 2);
    expect(row['processes alive']).toBe(2);
  });
});
