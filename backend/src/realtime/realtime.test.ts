import type { ServerFrame } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/app';
import { clonePostgresTemplate } from '../../test/databases';
import { registerUser } from '../../test/factories';
import { advanceOrder, line, makeMarket, placeOrder, transition } from '../../test/orders';
import { listen, openSocket, signedInSocket, type TestSocket } from '../../test/sockets';
import { createTokenSigner } from '../accounts/tokens';
import { type Db, openPostgres } from '../platform/db';

let app: FastifyInstance;
let db: Db;
let url: string;
let jwtSecret: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  const test = await makeTestApp({ realtime: { authTimeoutMs: 400, heartbeatMs: 300 } });
  app = test.app;
  db = test.platform.database.db;
  jwtSecret = test.config.jwtSecret;
  url = await listen(app);
});
afterAll(async () => {
  for (const client of sockets) client.socket.terminate();
  await app.close();
});

const track = (client: TestSocket) => {
  sockets.push(client);
  return client;
};
const connect = async (session: { access_token: string }) => track(await signedInSocket(url, session));
const isEvent = (channel: string, seq: number) => (frame: ServerFrame) =>
  frame.type === 'event' && frame.channel === channel && frame.seq === seq;
const seqsOn = (client: TestSocket, channel: string) =>
  client.frames.flatMap((frame) => (frame.type === 'event' && frame.channel === channel ? [frame.seq] : []));
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

async function subscribe(client: TestSocket, channel: string, since?: number) {
  client.send({ type: 'subscribe', channel, ...(since === undefined ? {} : { since }) });
  return client.next(
    (frame) =>
      (frame.type === 'subscribed' || frame.type === 'error') && 'channel' in frame && frame.channel === channel,
  );
}

describe('the realtime socket', () => {
  it('closes a socket that does not authenticate, and refuses anything before it does', async () => {
    const client = track(await openSocket(url));
    client.send({ type: 'subscribe', channel: 'rider.01900000-0000-7000-8000-000000000000' });
    expect(await client.next((frame) => frame.type === 'error')).toMatchObject({ code: 'UNAUTHENTICATED' });
    client.send({ type: 'auth', token: 'not-a-token' });
    await client.next((frame) => frame.type === 'error' && frame.message === 'Invalid access token');
    expect(await client.closed).toEqual({ code: 4401, reason: 'authenticate first' });
  });

  it('answers ping with pong, before and after signing in', async () => {
    const client = track(await openSocket(url));
    client.send({ type: 'ping' });
    await client.next((frame) => frame.type === 'pong');
  });

  it('lets each party follow only its own channels, and sends nothing of a forbidden one', async () => {
    const market = await makeMarket(app, db);
    const other = await makeMarket(app, db);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    const assigned = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    await advanceOrder(app, market, assigned.id, 'RIDER_ASSIGNED');

    const cases: [string, { access_token: string }, string, 'subscribed' | 'FORBIDDEN'][] = [
      ['customer, own order', market.customer, `order.${order.id}`, 'subscribed'],
      ['another customer', other.customer, `order.${order.id}`, 'FORBIDDEN'],
      ['seller, own store', market.seller, `store.${market.store.id}`, 'subscribed'],
      ['seller, own store’s order', market.seller, `order.${order.id}`, 'subscribed'],
      ['another seller, the store', other.seller, `store.${market.store.id}`, 'FORBIDDEN'],
      ['another seller, the order', other.seller, `order.${order.id}`, 'FORBIDDEN'],
      ['customer, the store', market.customer, `store.${market.store.id}`, 'FORBIDDEN'],
      ['rider, themself', market.rider, `rider.${market.rider.user.id}`, 'subscribed'],
      ['rider, another rider', other.rider, `rider.${market.rider.user.id}`, 'FORBIDDEN'],
      ['rider, assigned order', market.rider, `order.${assigned.id}`, 'subscribed'],
      ['rider, an order not theirs', market.rider, `order.${order.id}`, 'FORBIDDEN'],
      ['customer, a rider', market.customer, `rider.${market.rider.user.id}`, 'FORBIDDEN'],
      ['operator, anything', market.admin, `store.${other.store.id}`, 'subscribed'],
      ['no such order', market.customer, 'order.01900000-0000-7000-8000-000000000000', 'FORBIDDEN'],
    ];
    const outsider = await connect(other.customer);
    await subscribe(outsider, `order.${order.id}`);
    for (const [who, session, channel, expected] of cases) {
      const client = await connect(session);
      const answer = await subscribe(client, channel);
      expect([who, answer.type === 'error' ? answer.code : answer.type]).toEqual([who, expected]);
    }
    expect((await transition(app, market.seller, order.id, { to: 'ACCEPTED' })).statusCode).toBe(200);
    const customer = await connect(market.customer);
    await subscribe(customer, `order.${order.id}`, 1);
    await customer.next(isEvent(`order.${order.id}`, 2));
    await settle();
    expect(outsider.frames.filter((frame) => frame.type === 'event')).toEqual([]);
  });

  it('sends each event of an order to its customer and to its store’s seller as it happens', async () => {
    const market = await makeMarket(app, db);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    const customer = await connect(market.customer);
    const seller = await connect(market.seller);
    await subscribe(customer, `order.${order.id}`);
    await subscribe(seller, `store.${market.store.id}`);
    expect((await transition(app, market.seller, order.id, { to: 'ACCEPTED' })).statusCode).toBe(200);
    const event = await customer.next(isEvent(`order.${order.id}`, 2));
    expect(event).toMatchObject({
      event: { order_id: order.id, kind: 'transition', status: 'ACCEPTED', from_status: order.status, actor: 'seller' },
    });
    await seller.next(isEvent(`store.${market.store.id}`, 2));
    // Subscribing without `since` starts from now: the order's first event is not replayed.
    expect(seqsOn(customer, `order.${order.id}`)).toEqual([2]);
    const metrics = (await app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/^ws_open_sockets [1-9]\d*$/m);
    expect(metrics).toMatch(/^ws_subscriptions [1-9]\d*$/m);
    expect(metrics).toMatch(/^ws_fanout_seconds_count [1-9]\d*$/m);
    expect(metrics).toMatch(/^ws_frames_out_total [1-9]\d*$/m);
  });

  it('replays exactly the missed events in order after a drop, then goes on live', async () => {
    const market = await makeMarket(app, db);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    const channel = `order.${order.id}`;
    const first = await connect(market.customer);
    await subscribe(first, channel, 0);
    await first.next(isEvent(channel, 1));
    first.socket.terminate();

    await advanceOrder(app, market, order.id, 'PREPARING');
    const again = await connect(market.customer);
    await subscribe(again, channel, 1);
    await again.next(isEvent(channel, 3));
    await transition(app, market.seller, order.id, { to: 'READY_FOR_PICKUP' });
    await again.next(isEvent(channel, 4));
    await settle();
    expect(seqsOn(again, channel)).toEqual([2, 3, 4]);
  });

  it('has no gap and no duplicate when events are committed during the replay', async () => {
    const market = await makeMarket(app, db);
    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice)]);
    const channel = `order.${order.id}`;
    const client = await connect(market.customer);
    const moves = advanceOrder(app, market, order.id, 'READY_FOR_PICKUP');
    await subscribe(client, channel, 0);
    await moves;
    await client.next(isEvent(channel, 4));
    await settle();
    expect(seqsOn(client, channel)).toEqual([1, 2, 3, 4]);
  });

  it('answers malformed frames with an error or a close, and lives on', async () => {
    const market = await makeMarket(app, db);
    const client = await connect(market.customer);
    const errors = async (frame: unknown, binary = false) => {
      const before = client.frames.length;
      if (binary) client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
      else client.send(frame);
      const error = await client.next((f, i = client.frames.indexOf(f)) => i >= before && f.type === 'error');
      return error.type === 'error' ? error.code : error.type;
    };
    expect(await errors('this is not json')).toBe('BAD_FRAME');
    expect(await errors({ type: 'shout', text: 'hello' })).toBe('BAD_FRAME');
    expect(await errors({ type: 'subscribe', channel: 'orders.everything' })).toBe('BAD_FRAME');
    expect(await errors({ type: 'subscribe', channel: `store.${market.store.id}`, since: -1 })).toBe('BAD_FRAME');
    expect(await errors(null, true)).toBe('BAD_FRAME');
    client.send({ type: 'ping' });
    await client.next((frame) => frame.type === 'pong');

    const huge = track(await openSocket(url));
    huge.send({ type: 'auth', token: 'x'.repeat(64 * 1024) });
    expect((await huge.closed).code).toBe(1009);
    const after = await connect(market.customer);
    after.send({ type: 'ping' });
    await after.next((frame) => frame.type === 'pong');
  });

  it('says TOKEN_EXPIRED when the token runs out, and takes a fresh one on the same socket', async () => {
    const customer = await registerUser(app);
    const signer = createTokenSigner(jwtSecret);
    // Signed 15 minutes minus three seconds ago: it expires two to three seconds from now.
    const almostOld = await signer.sign(
      { id: customer.user.id, role: 'customer', sessionId: 'test' },
      new Date(Date.now() - 15 * 60_000 + 3000),
    );
    const client = track(await openSocket(url));
    client.send({ type: 'auth', token: almostOld.token });
    await client.next((frame) => frame.type === 'authenticated');
    await client.next((frame) => frame.type === 'error' && frame.code === 'TOKEN_EXPIRED', 6000);
    client.send({ type: 'auth', token: customer.access_token });
    await client.next((frame, i = client.frames.indexOf(frame)) => frame.type === 'authenticated' && i > 1);
  });

  it('drops a socket that stops answering pings', async () => {
    const client = track(await openSocket(url, { autoPong: false }));
    client.send({ type: 'auth', token: (await registerUser(app)).access_token });
    await client.next((frame) => frame.type === 'authenticated');
    const closed = await client.closed;
    expect(closed.code).toBe(1006);
  });
});

describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('two API processes', () => {
  it('deliver an order accepted through one to a customer’s socket on the other', async () => {
    const clone = await clonePostgresTemplate(process.env.DATABASE_URL ?? '');
    const namespace = `test:two-nodes:${Date.now()}:`;
    const secret = 'k'.repeat(48);
    const nodes = [];
    for (let i = 0; i < 2; i++) {
      const database = await openPostgres(clone.url, 4);
      nodes.push(await makeTestApp({ jwtSecret: secret }, { database, namespace }));
    }
    const [{ app: a }, { app: b, platform }] = nodes as [TestApp, TestApp];
    try {
      const market = await makeMarket(b, platform.database.db);
      const order = await placeOrder(b, market.customer, market.store.id, [line(market.rice)]);
      const client = await signedInSocket(await listen(a), market.customer);
      sockets.push(client);
      await subscribe(client, `order.${order.id}`);
      expect((await transition(b, market.seller, order.id, { to: 'ACCEPTED' })).statusCode).toBe(200);
      await client.next(isEvent(`order.${order.id}`, 2));
    } finally {
      await Promise.all(nodes.map((node) => node.app.close()));
      await clone.drop();
    }
  });
});
