import { cartItemState, type Order, type PlaceOrderRequest } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newKey } from '../src/api/keys';
import {
  type ActionHandler,
  type ApiClient,
  createActionQueue,
  manualConnectivity,
  memoryStorage,
  type QueuedAction,
} from '../src/client';
import { clientFor, flakyLink, HOME, line, makeMarket, startBackend } from './backend';

let backend: Awaited<ReturnType<typeof startBackend>>;
let market: Awaited<ReturnType<typeof makeMarket>>;

beforeAll(async () => {
  backend = await startBackend();
  market = await makeMarket(backend.app, backend.platform.database.db, 1000);
});
afterAll(() => backend.app.close());

const eventually = <T>(check: () => Promise<T> | T) => vi.waitFor(check, { timeout: 30_000, interval: 50 });

const orderBody = (note: string, price = market.rice.price_paise): PlaceOrderRequest => ({
  store_id: market.store.id,
  items: [{ ...line(market.rice), unit_price_paise: price }],
  delivery_address: HOME,
  payment_method: 'cash',
  note,
});

function placeHandler(api: ApiClient, log: { settled: string[]; rolledBack: string[] }) {
  const handler: ActionHandler<PlaceOrderRequest, Order> = {
    send: (body, idempotencyKey) => api.call('placeOrder', { body, idempotencyKey }),
    settle: (order) => log.settled.push(order.id),
    rollback: (body) => log.rolledBack.push(body.note ?? ''),
    // The app words a refusal for its people; here the lines as the shop has them now are enough.
    conflict: (error) =>
      cartItemState
        .array()
        .parse((error.details as { items?: unknown }).items)
        .map((item) => `${item.name}: ${item.price_paise} (saw ${item.seen_price_paise})`)
        .join('; '),
  };
  return handler as ActionHandler<never>;
}

const ordersOnServer = async (customerId: string) =>
  (
    await backend.platform.database.db.execute<{ note: string }>(
      sql`SELECT note FROM orders WHERE customer_id = ${customerId} ORDER BY id`,
    )
  ).rows.map((row) => row.note);

describe('the action queue', () => {
  it('sends 100 orders made offline once each, in order, though the link drops mid-way and an answer is lost', async () => {
    const link = await flakyLink(backend.port);
    let calls = 0;
    // The 30th answer is lost on the way back, after the server made the order.
    const losing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      calls += 1;
      if (calls === 30) throw new TypeError('fetch failed');
      return response;
    };
    const { api, sent } = clientFor(link.url, market.customer, losing);
    const connectivity = manualConnectivity(false);
    const log = { settled: [] as string[], rolledBack: [] as string[] };
    const storage = memoryStorage();
    const queue = createActionQueue({
      storage,
      handlers: { placeOrder: placeHandler(api, log) },
      connectivity,
      newId: newKey,
      initialRetryMs: 50,
      maxRetryMs: 200,
    });
    for (let i = 0; i < 100; i++) await queue.enqueue('placeOrder', 'orders', orderBody(`#${i}`));
    expect(queue.actions()).toHaveLength(100);
    expect(await ordersOnServer(market.customer.user.id)).toEqual([]);

    connectivity.set(true);
    await eventually(async () => expect((await ordersOnServer(market.customer.user.id)).length).toBeGreaterThan(50));
    link.cut();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(queue.actions().length).toBeGreaterThan(0);
    link.restore();
    await eventually(() => expect(queue.actions()).toEqual([]));

    const expected = Array.from({ length: 100 }, (_, i) => `#${i}`);
    expect(await ordersOnServer(market.customer.user.id)).toEqual(expected);
    expect(new Set(log.settled).size).toBe(100);
    expect(log.rolledBack).toEqual([]);
    // More sends than orders: the lost answer (and any cut one) was asked for again, and replayed.
    expect(sent.filter((request) => request === 'POST /api/v1/orders').length).toBeGreaterThan(100);
    expect(JSON.parse((await storage.getItem('kupwara.actions')) ?? 'null')).toEqual([]);
    queue.close();
    await link.close();
  });

  it('keeps what was queued across a restart of the app and sends it when back online', async () => {
    const customer = await clientFor(backend.url, null).api.call('register', {
      body: { role: 'customer', name: 'Rafiq Dar', phone: '+919419000321', password: 'walnut-tree-77' },
    });
    const { api } = clientFor(backend.url, customer);
    const storage = memoryStorage();
    const offline = manualConnectivity(false);
    const log = { settled: [] as string[], rolledBack: [] as string[] };
    const before = createActionQueue({
      storage,
      handlers: { placeOrder: placeHandler(api, log) },
      connectivity: offline,
      newId: newKey,
    });
    await before.enqueue('placeOrder', 'orders', orderBody('before the restart'));
    before.close();

    const applied: QueuedAction[] = [];
    const handler = { ...placeHandler(api, log), apply: (_: never, action: QueuedAction) => applied.push(action) };
    const online = manualConnectivity(false);
    const after = createActionQueue({
      storage,
      handlers: { placeOrder: handler },
      connectivity: online,
      newId: newKey,
    });
    await after.ready;
    expect(after.actions().map((action) => action.payload)).toEqual([orderBody('before the restart')]);
    expect(applied).toHaveLength(1);
    online.set(true);
    await eventually(() => expect(after.actions()).toEqual([]));
    expect(await ordersOnServer(customer.user.id)).toEqual(['before the restart']);
    after.close();
  });

  it('hands a stale price back as a conflict with the shop’s lines, holds the lane, and sends the new cart once confirmed', async () => {
    const { api } = clientFor(backend.url, market.customer);
    const seller = clientFor(backend.url, market.seller).api;
    const product = await seller.call('updateProduct', {
      params: { id: market.tea.id },
      body: { price_paise: 27_500, mrp_paise: 30_000, version: market.tea.version },
    });
    const conflicts: { action: QueuedAction; message: string }[] = [];
    const log = { settled: [] as string[], rolledBack: [] as string[] };
    const queue = createActionQueue({
      storage: memoryStorage(),
      handlers: { placeOrder: placeHandler(api, log) },
      connectivity: manualConnectivity(true),
      newId: newKey,
      onConflict: (action, message) => conflicts.push({ action, message }),
    });
    const stale: PlaceOrderRequest = {
      ...orderBody('tea at the old price'),
      items: [{ product_id: market.tea.id, quantity: 2, unit_price_paise: market.tea.price_paise }],
    };
    await queue.enqueue('placeOrder', 'orders', stale);
    await queue.enqueue('placeOrder', 'orders', orderBody('waits behind it'));
    await eventually(() => expect(conflicts).toHaveLength(1));
    expect(conflicts[0]?.message).toBe('Kahwa Tea: 27500 (saw 25050)');
    expect(log.rolledBack).toEqual(['tea at the old price']);
    const [failed, waiting] = queue.actions();
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'PRICE_CHANGED', conflict: true } });
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });

    // The customer accepts the new price: the failed action is given up, the new cart goes, then the next.
    await queue.discard(failed?.id ?? '');
    await queue.enqueue('placeOrder', 'orders', {
      ...stale,
      note: 'tea at the new price',
      items: [{ product_id: market.tea.id, quantity: 2, unit_price_paise: product.price_paise }],
    });
    await eventually(() => expect(queue.actions()).toEqual([]));
    const notes = await ordersOnServer(market.customer.user.id);
    expect(notes.slice(-2)).toEqual(['waits behind it', 'tea at the new price']);
    expect(notes).not.toContain('tea at the old price');
    queue.close();
  });
});
