import { afterAll, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { advanceOrder, placeOrder, transition } from '../../../backend/test/orders';
import { type ChannelFrame, createRealtimeClient, type RealtimeOptions } from '../src/client';
import { channels } from '../src/contract/realtime';
import { clientFor, lastingDatabase, line, makeMarket, startBackend } from './backend';

const eventually = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 50 });
const closing: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closing.reverse()) await close();
});

it('resumes an order’s channel after the server restarts, with no gap and no duplicate', async () => {
  const { database, keptOpen } = await lastingDatabase();
  closing.push(() => database.close());
  const first = await startBackend({ database: keptOpen });
  const market = await makeMarket(first.app, database.db, 10);
  const order = await placeOrder(first.app, market.customer, market.store.id, [line(market.rice)]);
  const { api, sessions } = clientFor(first.url, market.customer);
  const realtime = createRealtimeClient({
    url: `ws://127.0.0.1:${first.port}/ws`,
    token: () => sessions.store.getState().session?.access_token,
    refreshToken: () => api.refresh(),
    WebSocket: WebSocket as unknown as RealtimeOptions['WebSocket'],
    // The first retry comes after 1.5 s: long enough for the events below to be missed live.
    initialDelayMs: 1500,
    random: () => 1,
  });
  closing.push(async () => realtime.close());
  const states: string[] = [];
  realtime.onState((state) => states.push(state));
  const frames: ChannelFrame[] = [];
  realtime.subscribe(channels.order(order.id), (frame) => frames.push(frame), { since: 1 });
  const seqs = () => frames.flatMap((frame) => (frame.type === 'event' ? [frame.seq] : []));

  expect((await transition(first.app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 })).statusCode).toBe(
    200,
  );
  await eventually(() => expect(seqs()).toEqual([2]));

  await first.app.close();
  await eventually(() => expect(realtime.state).toBe('offline'));
  const second = await startBackend({ database: keptOpen, port: first.port, jwtSecret: first.config.jwtSecret });
  closing.push(() => second.app.close());
  // Missed while the client was away: replayed from the database when it resubscribes.
  await advanceOrder(second.app, market, order.id, 'READY_FOR_PICKUP');
  expect(seqs()).toEqual([2]);
  await eventually(() => expect(seqs()).toEqual([2, 3, 4]));

  // And live again afterwards.
  const assign = { to: 'RIDER_ASSIGNED', rider_id: market.rider.user.id };
  expect((await transition(second.app, market.admin, order.id, assign)).statusCode).toBe(200);
  await eventually(() => expect(seqs()).toEqual([2, 3, 4, 5]));
  expect(states).toEqual(['connecting', 'online', 'offline', 'connecting', 'online']);
});
