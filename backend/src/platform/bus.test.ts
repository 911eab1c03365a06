import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bus, createMemoryBus, createRedisBus } from './bus';
import { connectRedis } from './platform';
import { quitRedis } from './redis-quit';

const redisUrl = process.env.REDIS_URL;

/** Resolves with the first `count` messages a handler receives on `channel`. */
async function collect(bus: Bus, channel: string, count: number) {
  const received: unknown[] = [];
  let done: (messages: unknown[]) => void = () => {};
  const all = new Promise<unknown[]>((resolve) => {
    done = resolve;
  });
  const unsubscribe = await bus.subscribe(channel, (message) => {
    received.push(message);
    if (received.length === count) done(received);
  });
  return { all, received, unsubscribe };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

interface BusKind {
  name: string;
  enabled: boolean;
  /** Two buses that should see each other's messages (two API processes on one Redis; one process in memory). */
  pair(): Promise<[Bus, Bus]>;
}

const memory: BusKind = {
  name: 'in-process',
  enabled: true,
  async pair() {
    const bus = createMemoryBus();
    return [bus, bus];
  },
};

let redisClients: Redis[] = [];
const redis: BusKind = {
  name: 'Redis',
  enabled: Boolean(redisUrl),
  async pair() {
    const prefix = `test:${randomUUID()}:`;
    const a = await connectRedis(redisUrl ?? '');
    const b = await connectRedis(redisUrl ?? '');
    redisClients.push(a, b);
    return [createRedisBus(a, prefix), createRedisBus(b, prefix)];
  },
};

describe.each([memory, redis])('$name bus', ({ enabled, pair }) => {
  let publisher: Bus;
  let subscriber: Bus;

  beforeAll(async () => {
    if (!enabled) return;
    [publisher, subscriber] = await pair();
  });
  afterAll(async () => {
    await Promise.all([publisher?.close(), subscriber !== publisher && subscriber?.close()]);
    await Promise.all(redisClients.map(quitRedis));
    redisClients = [];
  });

  it.runIf(enabled)('delivers JSON messages to a subscriber, in publish order', async () => {
    const { all } = await collect(subscriber, 'order.1', 3);
    await publisher.publish('order.1', { seq: 1, status: 'ACCEPTED' });
    await publisher.publish('order.1', { seq: 2, status: 'PREPARING', note: 'chai ☕ and नमक' });
    await publisher.publish('order.1', 'plain string');
    expect(await all).toEqual([
      { seq: 1, status: 'ACCEPTED' },
      { seq: 2, status: 'PREPARING', note: 'chai ☕ and नमक' },
      'plain string',
    ]);
  });

  it.runIf(enabled)('gives every subscriber of a channel its own copy', async () => {
    const first = await collect(subscriber, 'store.7', 1);
    const second = await collect(subscriber, 'store.7', 1);
    await publisher.publish('store.7', { items: [1, 2] });
    const [a, b] = await Promise.all([first.all, second.all]);
    expect(a).toEqual([{ items: [1, 2] }]);
    expect(b).toEqual([{ items: [1, 2] }]);
    (a[0] as { items: number[] }).items.push(3);
    expect(b[0]).toEqual({ items: [1, 2] });
  });

  it.runIf(enabled)('delivers nothing from other channels', async () => {
    const { all, received } = await collect(subscriber, 'rider.1', 1);
    await publisher.publish('rider.2', { not: 'yours' });
    await publisher.publish('rider.1', { yours: true });
    expect(await all).toEqual([{ yours: true }]);
    await settle();
    expect(received).toEqual([{ yours: true }]);
  });

  it.runIf(enabled)('stops delivering after unsubscribe, leaving other subscribers of the channel alone', async () => {
    const leaving = await collect(subscriber, 'order.9', 1);
    const staying = await collect(subscriber, 'order.9', 2);
    await publisher.publish('order.9', 1);
    await leaving.all;
    await leaving.unsubscribe();
    await publisher.publish('order.9', 2);
    expect(await staying.all).toEqual([1, 2]);
    await settle();
    expect(leaving.received).toEqual([1]);
  });
});

describe.runIf(redisUrl)('Redis bus namespaces', () => {
  it('keeps deployments that share one Redis apart', async () => {
    const a = await connectRedis(redisUrl ?? '');
    const b = await connectRedis(redisUrl ?? '');
    const mine = createRedisBus(a, `test:${randomUUID()}:`);
    const theirs = createRedisBus(b, `test:${randomUUID()}:`);
    const { received } = await collect(mine, 'order.1', 1);
    await theirs.publish('order.1', 'elsewhere');
    await settle();
    expect(received).toEqual([]);
    await Promise.all([mine.close(), theirs.close()]);
    await Promise.all([quitRedis(a), quitRedis(b)]);
  });
});
