import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp } from '../test/app';
import { getOrder, line, makeMarket, placeOrder, transition } from '../test/orders';
import { jobHandlers } from './app';
import { defaultDispatch } from './delivery/dispatch';
import { deliveryEffects } from './delivery/jobs';
import { createPushService } from './notifications/push-service';
import { PENDING_TIMEOUT_REASON } from './orders/order-jobs';
import type { Db } from './platform/db';
import { createJobRunner, type JobHandler } from './platform/jobs';
import type { Platform } from './platform/platform';

// This app runs no jobs of its own: the tests play the runner, crashing it and starting another.
let app: FastifyInstance;
let platform: Platform;
let db: Db;
const TIMEOUT_MS = 400;

beforeAll(async () => {
  ({ app, platform } = await makeTestApp({ orderAcceptTimeoutMs: TIMEOUT_MS }, { runJobs: false }));
  db = platform.database.db;
});
afterAll(() => app.close());

const quiet = { error: () => {} };
const deps = () => ({
  db,
  bus: platform.bus,
  cache: platform.cache,
  pendingTimeoutMs: TIMEOUT_MS,
  onlinePayments: false,
  paymentTimeoutMs: 900_000,
  eventEffects: [deliveryEffects('READY_FOR_PICKUP')],
  dispatch: defaultDispatch,
});
/** Cash only, as the test app is: no gateway. */
const paymentDeps = () => ({ ...deps(), gateway: undefined, log: { info: () => {}, warn: () => {}, error: () => {} } });
const pushDeps = () => ({
  db,
  push: createPushService({ service: 'log', accessToken: undefined, url: 'http://127.0.0.1:9', receiptDelayMs: 1 }),
  log: { info: () => {}, warn: () => {}, error: () => {} },
  receiptDelayMs: 900_000,
});
const eventually = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 15_000, interval: 50 });
const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await db.execute<T>(query)).rows;
const pendingJobs = async () => (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs`))[0]?.n;

describe('order side effects', () => {
  it('cancels an order the shop does not answer in time, puts the stock back and tells both', async () => {
    const market = await makeMarket(app, db, 5);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice, 2)]);
    const answered = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    expect((await transition(app, market.seller, answered.id, { to: 'ACCEPTED', prep_minutes: 20 })).statusCode).toBe(
      200,
    );
    const runner = createJobRunner({
      db,
      bus: platform.bus,
      handlers: jobHandlers(deps(), pushDeps(), paymentDeps()),
      log: quiet,
      pollMs: 50,
    });
    await runner.start();
    try {
      await eventually(async () => expect((await getOrder(app, market.customer, order.id)).status).toBe('CANCELLED'));
      await eventually(async () => expect(await pendingJobs()).toBe(0));
    } finally {
      await runner.stop();
    }
    const cancelled = await getOrder(app, market.customer, order.id);
    expect(cancelled.timeline.at(-1)).toMatchObject({
      status: 'CANCELLED',
      actor: 'system',
      reason: PENDING_TIMEOUT_REASON,
    });
    expect((await getOrder(app, market.seller, answered.id)).status).toBe('ACCEPTED');
    const [rice] = await rows<{ stock: number }>(sql`SELECT stock FROM products WHERE id = ${market.rice.id}`);
    expect(rice?.stock).toBe(4);
    const told = await rows<{ user_id: string; title: string }>(
      sql`SELECT user_id, title FROM notifications WHERE data->>'order_id' = ${order.id} AND data->>'seq' = '2'`,
    );
    expect(told).toEqual(
      expect.arrayContaining([
        { user_id: market.customer.user.id, title: 'Order cancelled' },
        { user_id: market.seller.user.id, title: 'Order missed' },
      ]),
    );
  });

  it('loses nothing and doubles nothing when the runner dies half-way and another takes over', async () => {
    const market = await makeMarket(app, db, 10);
    const rejected = await placeOrder(app, market.customer, market.store.id, [line(market.rice, 3)]);
    const cancelled = await placeOrder(app, market.customer, market.store.id, [line(market.rice, 2)]);
    expect(
      (await transition(app, market.seller, rejected.id, { to: 'REJECTED', reject_reason: 'out_of_stock' })).statusCode,
    ).toBe(200);
    expect((await transition(app, market.customer, cancelled.id, { to: 'CANCELLED' })).statusCode).toBe(200);
    // Everything is committed and queued; nothing has run.
    expect(await pendingJobs()).toBeGreaterThan(0);
    const [before] = await rows<{ stock: number }>(sql`SELECT stock FROM products WHERE id = ${market.rice.id}`);
    expect(before?.stock).toBe(5);

    // The first runner does each job's work, then hangs as if dead before recording it as done
    // (after its lease it gives up on them, too late to matter).
    const real = jobHandlers(deps(), pushDeps(), paymentDeps());
    const crashing = Object.fromEntries(
      Object.entries(real).map(([kind, handler]): [string, JobHandler] => [
        kind,
        async (job) => {
          await handler(job);
          await new Promise(() => {});
        },
      ]),
    );
    const first = createJobRunner({ db, bus: platform.bus, handlers: crashing, log: quiet, pollMs: 50, leaseMs: 500 });
    await first.start();
    await eventually(async () => {
      const [{ unclaimed } = { unclaimed: -1 }] = await rows<{ unclaimed: number }>(
        sql`SELECT count(*)::int AS unclaimed FROM jobs WHERE attempts = 0 AND run_at <= now()`,
      );
      expect(unclaimed).toBe(0);
    });
    void first.stop();

    const second = createJobRunner({ db, bus: platform.bus, handlers: real, log: quiet, pollMs: 50 });
    await second.start();
    try {
      await eventually(async () => expect(await pendingJobs()).toBe(0));
    } finally {
      await second.stop();
    }

    const [after] = await rows<{ stock: number }>(sql`SELECT stock FROM products WHERE id = ${market.rice.id}`);
    expect(after?.stock).toBe(10);
    const notes = await rows<{ n: number; people: number }>(sql`
      SELECT count(*)::int AS n, count(DISTINCT (user_id, dedupe_key))::int AS people FROM notifications
      WHERE data->>'order_id' IN (${rejected.id}, ${cancelled.id})`);
    // Placed → seller (×2), rejected → customer, cancelled by the customer → seller: once each.
    expect(notes).toEqual([{ n: 4, people: 4 }]);
    const facts = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM order_facts WHERE order_id IN (${rejected.id}, ${cancelled.id})`,
    );
    expect(facts).toEqual([{ n: 4 }]);
  });
});
