import { type ChannelMessage, type ChannelName, channels } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp } from '../../test/app';
import { line, makeMarket, placeOrder, transition } from '../../test/orders';
import { hearBroadcasts } from '../platform/broadcast';
import type { Db } from '../platform/db';
import type { Platform } from '../platform/platform';

// The side effects as the app's own job runner carries them out (crashes and timeouts: side-effects.test.ts).
let app: FastifyInstance;
let platform: Platform;
let db: Db;

beforeAll(async () => {
  ({ app, platform } = await makeTestApp());
  db = platform.database.db;
});
afterAll(() => app.close());

const eventually = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 10_000, interval: 50 });

describe('the side effects of a move', () => {
  it('tells the right people, records the facts and broadcasts the event on the order’s and store’s channels', async () => {
    const market = await makeMarket(app, db);
    const heard: { channel: ChannelName; message: ChannelMessage }[] = [];
    const listen = (channel: ChannelName) =>
      hearBroadcasts(platform.bus, channel, (message) => heard.push({ channel, message }));
    await listen(channels.store(market.store.id));
    const placed = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await listen(channels.order(placed.id));
    const res = await transition(app, market.seller, placed.id, {
      to: 'REJECTED',
      reject_reason: 'other',
      reason: 'Closing early today',
    });
    expect(res.statusCode).toBe(200);

    const rejected = {
      order_id: placed.id,
      seq: 2,
      kind: 'transition',
      status: 'REJECTED',
      from_status: 'PENDING',
      actor: 'seller',
      reason: 'Closing early today',
      reason_code: 'other',
    };
    const placedEvent = { order_id: placed.id, seq: 1, status: 'PENDING', from_status: null, actor: 'customer' };
    await eventually(async () =>
      expect(heard).toEqual(
        expect.arrayContaining([
          {
            channel: channels.store(market.store.id),
            message: { type: 'event', event: expect.objectContaining(placedEvent) },
          },
          {
            channel: channels.store(market.store.id),
            message: { type: 'event', event: expect.objectContaining(rejected) },
          },
          { channel: channels.order(placed.id), message: { type: 'event', event: expect.objectContaining(rejected) } },
        ]),
      ),
    );
    await eventually(async () => {
      const told = await db.execute<{ user_id: string; title: string; body: string }>(
        sql`SELECT user_id, title, body FROM notifications WHERE data->>'order_id' = ${placed.id} ORDER BY created_at`,
      );
      expect(told.rows).toEqual([
        { user_id: market.seller.user.id, title: 'New order', body: expect.stringContaining('Shabnam Bhat') },
        {
          user_id: market.customer.user.id,
          title: 'Order not accepted',
          body: 'Lone General Store could not take your order: Closing early today',
        },
      ]);
      const facts = await db.execute<{ seq: number; status: string }>(
        sql`SELECT seq, status FROM order_facts WHERE order_id = ${placed.id} ORDER BY seq`,
      );
      expect(facts.rows).toEqual([
        { seq: 1, status: 'PENDING' },
        { seq: 2, status: 'REJECTED' },
      ]);
    });
  });
});
