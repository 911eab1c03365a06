import { channels } from '@kupwara/shared';
import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/app';
import { clonePostgresTemplate } from '../../test/databases';
import { registerUser } from '../../test/factories';
import { line, makeMarket, placeOrder, transition } from '../../test/orders';
import { isEvent, listen, liveTestApp, openSocket, subscribe } from '../../test/sockets';
import { openPostgres } from '../platform/db';

const live = liveTestApp({ realtime: { heartbeatMs: 300 } });

describe('the realtime socket', () => {
  it('answers ping with pong, before and after signing in', async () => {
    const client = live.track(await openSocket(live.url));
    client.send({ type: 'ping' });
    await client.next((frame) => frame.type === 'pong');
    client.send({ type: 'auth', token: (await registerUser(live.app)).access_token });
    await client.next((frame) => frame.type === 'authenticated');
    client.send({ type: 'ping' });
    await client.next((frame, i = client.frames.indexOf(frame)) => frame.type === 'pong' && i > 1);
    expect(client.frames.map((frame) => frame.type)).toEqual(['pong', 'authenticated', 'pong']);
  });

  it('answers malformed frames with an error or a close, and lives on', async () => {
    const market = await makeMarket(live.app, live.db);
    const client = await live.connect(market.customer);
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
    expect(await errors({ type: 'subscribe', channel: channels.store(market.store.id), since: -1 })).toBe('BAD_FRAME');
    expect(await errors(null, true)).toBe('BAD_FRAME');
    client.send({ type: 'ping' });
    await client.next((frame) => frame.type === 'pong');

    const huge = live.track(await openSocket(live.url));
    huge.send({ type: 'auth', token: 'x'.repeat(64 * 1024) });
    expect((await huge.closed).code).toBe(1009);
    const after = await live.connect(market.customer);
    after.send({ type: 'ping' });
    await after.next((frame) => frame.type === 'pong');
  });

  it('drops a socket that stops answering pings', async () => {
    const client = live.track(await openSocket(live.url, { autoPong: false }));
    client.send({ type: 'auth', token: (await registerUser(live.app)).access_token });
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
      const client = await live.connect(market.customer, await listen(a));
      await subscribe(client, channels.order(order.id));
      expect((await transition(b, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 })).statusCode).toBe(200);
      await client.next(isEvent(channels.order(order.id), 2));
    } finally {
      await Promise.all(nodes.map((node) => node.app.close()));
      await clone.drop();
    }
  });
});
