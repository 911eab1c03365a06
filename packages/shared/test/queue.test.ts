import { cartItemState, type Order, type PlaceOrderRequest } from '@kupwara/shared';
import { QueryClient } from '@tanstack/react-query';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newKey } from '../src/api/keys';
import {
  type ActionHandler,
  type ActionKind,
  type ApiClient,
  createActionQueue,
  manualConnectivity,
  memoryStorage,
  orderLane,
  type QueuedAction,
  type TransitionOrderKind,
  transitionOrderHandler,
  transitionParams,
  unplacedOrder,
} from '../src/client';
import { orderKeys } from '../src/orders/keys';
import { clientFor, flakyLink, HOME, line, makeMarket, registerUser, startBackend } from './backend';

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

/** What these tests queue: orders placed, and moves of orders (every app's kind). */
type Kinds = { placeOrder: ActionKind<PlaceOrderRequest, Order>; transitionOrder: TransitionOrderKind };

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
  return handler;
}

/** A customer's queue as the app wires it: placing, and the shared moves keeping the order cache. */
function customerQueue(api: ApiClient, connectivity: ReturnType<typeof manualConnectivity>) {
  const queryClient = new QueryClient();
  const conflicts: string[] = [];
  const queue = createActionQueue<Kinds>({
    storage: memoryStorage(),
    handlers: {
      placeOrder: placeHandler(api, { settled: [], rolledBack: [] }),
      transitionOrder: transitionOrderHandler({ api, queryClient }),
    },
    connectivity,
    newId: newKey,
    initialRetryMs: 50,
    maxRetryMs: 200,
    onConflict: (_, message) => conflicts.push(message),
  });
  return { queue, queryClient, conflicts };
}

const eventsOf = async (orderId: string) =>
  (
    await backend.platform.database.db.execute<{ status: string }>(
      sql`SELECT status FROM order_events WHERE order_id = ${orderId} ORDER BY seq`,
    )
  ).rows.map((row) => row.status);

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
    const queue = createActionQueue<Kinds>({
      storage,
      handlers: {
        placeOrder: placeHandler(api, log),
        transitionOrder: transitionOrderHandler({ api, queryClient: new QueryClient() }),
      },
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
    const moves = transitionOrderHandler({ api, queryClient: new QueryClient() });
    const before = createActionQueue<Kinds>({
      storage,
      handlers: { placeOrder: placeHandler(api, log), transitionOrder: moves },
      connectivity: offline,
      newId: newKey,
    });
    await before.enqueue('placeOrder', 'orders', orderBody('before the restart'));
    before.close();

    const applied: unknown[] = [];
    const handler = {
      ...placeHandler(api, log),
      optimistic: (_: PlaceOrderRequest, action: unknown) => applied.push(action),
    };
    const online = manualConnectivity(false);
    const after = createActionQueue<Kinds>({
      storage,
      handlers: { placeOrder: handler, transitionOrder: moves },
      connectivity: online,
      newId: newKey,
    });
    await after.ready;
    expect(after.actions().map((action) => action.params)).toEqual([orderBody('before the restart')]);
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
    const conflicts: { action: QueuedAction<Kinds>; message: string }[] = [];
    const log = { settled: [] as string[], rolledBack: [] as string[] };
    const queue = createActionQueue<Kinds>({
      storage: memoryStorage(),
      handlers: {
        placeOrder: placeHandler(api, log),
        transitionOrder: transitionOrderHandler({ api, queryClient: new QueryClient() }),
      },
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

  it('cancels an order still waiting for the network before anything is sent: the server never hears of it', async () => {
    const customer = await registerUser(backend.app, { name: 'Gulshan Ara' });
    const { api, sent } = clientFor(backend.url, customer);
    const connectivity = manualConnectivity(false);
    const { queue } = customerQueue(api, connectivity);
    const placed = await queue.enqueue('placeOrder', 'orders', orderBody('changed my mind'));
    await queue.enqueue('placeOrder', 'orders', orderBody('still wanted'));
    if (placed.outcome !== 'queued') throw new Error('the placement was not queued');

    const order = unplacedOrder(placed.action);
    const cancelled = await queue.enqueue(
      'transitionOrder',
      orderLane(order.id),
      transitionParams(order, 'customer', { to: 'CANCELLED' }),
    );
    expect(cancelled).toMatchObject({ outcome: 'annihilated', undone: { id: placed.action.id } });
    expect(queue.actions().map((action) => action.kind === 'placeOrder' && action.params.note)).toEqual([
      'still wanted',
    ]);

    connectivity.set(true);
    await eventually(() => expect(queue.actions()).toEqual([]));
    expect(await ordersOnServer(customer.user.id)).toEqual(['still wanted']);
    expect(sent).toEqual(['POST /api/v1/orders']);
    queue.close();
  });

  it('sends a queued move once though its answer is lost: the server replays it for the same key', async () => {
    const customer = await registerUser(backend.app, { name: 'Mehraj Lone' });
    const order = await clientFor(backend.url, customer).api.call('placeOrder', {
      body: orderBody('to cancel'),
      idempotencyKey: newKey(),
    });
    let lost = false;
    // The first answer to the move is lost on the way back, after the server made it.
    const losing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!lost && String(input).endsWith('/transitions')) {
        lost = true;
        throw new TypeError('fetch failed');
      }
      return response;
    };
    const { api, sent } = clientFor(backend.url, customer, losing);
    const connectivity = manualConnectivity(false);
    const { queue, queryClient } = customerQueue(api, connectivity);
    queryClient.setQueryData(orderKeys.detail(order.id), order);
    await queue.enqueue(
      'transitionOrder',
      orderLane(order.id),
      transitionParams(order, 'customer', { to: 'CANCELLED' }),
    );
    expect(queryClient.getQueryData<Order>(orderKeys.detail(order.id))).toMatchObject({
      status: 'CANCELLED',
      version: 2,
    });

    connectivity.set(true);
    await eventually(() => expect(queue.actions()).toEqual([]));
    expect(sent).toEqual([
      `POST /api/v1/orders/${order.id}/transitions`,
      `POST /api/v1/orders/${order.id}/transitions`,
    ]);
    expect(await eventsOf(order.id)).toEqual([order.status, 'CANCELLED']);
    expect(queryClient.getQueryData<Order>(orderKeys.detail(order.id))).toMatchObject({
      status: 'CANCELLED',
      version: 2,
    });
    queue.close();
  });

  it('answers a move made on a stale version with the server’s order, adopted and told in plain words', async () => {
    const customer = await registerUser(backend.app, { name: 'Nusrat Wani' });
    const { api } = clientFor(backend.url, customer);
    const seen = await api.call('placeOrder', { body: orderBody('accepted meanwhile'), idempotencyKey: newKey() });
    const seller = clientFor(backend.url, market.seller).api;
    await seller.call('transitionOrder', { params: { id: seen.id }, body: { to: 'ACCEPTED', prep_minutes: 20 } });

    const connectivity = manualConnectivity(false);
    const { queue, queryClient, conflicts } = customerQueue(api, connectivity);
    queryClient.setQueryData(orderKeys.detail(seen.id), seen);
    await queue.enqueue('transitionOrder', orderLane(seen.id), transitionParams(seen, 'customer', { to: 'CANCELLED' }));
    connectivity.set(true);
    await eventually(() =>
      expect(conflicts).toEqual(['This order is already accepted, so it can no longer be cancelled.']),
    );

    expect(queue.actions()).toMatchObject([
      { kind: 'transitionOrder', status: 'failed', error: { code: 'CONFLICT', conflict: true } },
    ]);
    expect(queryClient.getQueryData<Order>(orderKeys.detail(seen.id))).toMatchObject({
      id: seen.id,
      status: 'ACCEPTED',
      version: 2,
    });
    expect(await eventsOf(seen.id)).toEqual([seen.status, 'ACCEPTED']);
    queue.close();
  });
});
