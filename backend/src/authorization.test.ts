import { randomUUID } from 'node:crypto';
import {
  apiPrefix,
  type ChannelName,
  channels as channelsOf,
  errorBody,
  type RouteName,
  routes,
} from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makePaymentsTestApp, type PaymentsTestApp } from '../test/app';
import { bearer, uniquePhone } from '../test/factories';
import { openSocket, signedInSocket } from '../test/sockets';
import { buildWorld, type World } from '../test/world';
import {
  type Caller,
  callers,
  channelRows,
  expected,
  furtherOrders,
  type Row,
  withoutEffect,
} from './authorization-matrix';
import { defaultDispatch } from './delivery/dispatch';
import { paymentJobs } from './payments/deps';

let test: PaymentsTestApp;
let world: World;
let photo: Buffer;

beforeAll(async () => {
  test = await makePaymentsTestApp({
    authLimitPerIp: 1e9,
    authLimitPerAccount: 1e9,
    // Nothing moves by itself while the matrix runs: offers wait, and dispatch looks again only much later.
    dispatch: { ...defaultDispatch, offerTimeoutMs: 600_000, retryMs: 600_000, maxActivePerRider: 3 },
  });
  world = await buildWorld(test.app, test.platform.database.db);
  photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 201, g: 106, b: 0 } } })
    .jpeg()
    .toBuffer();
}, 60_000);
afterAll(() => test?.close());

/** What a request carries besides its method and path, which come from the route table. */
interface Probe {
  /** The route's one path parameter. */
  params?: string;
  query?: Record<string, string | number>;
  headers?: Record<string, string>;
  payload?: InjectOptions['payload'];
}
type Build = (w: World, as: Caller) => Probe | Promise<Probe>;

const otherWorld = (as: Caller) => as.startsWith('other');
const key = () => ({ 'idempotency-key': `authz-${randomUUID()}` });
const now = () => new Date().toISOString();

function multipart(file: Buffer) {
  const boundary = '----kupwara-authz';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

/** The current version of a product of shop A, as its seller reads it. */
async function productVersion(w: World, productId: string) {
  const page = (await w.call('seller', { method: 'GET', url: '/api/v1/seller/products' })) as {
    items: { id: string; version: number }[];
  };
  const found = page.items.find((p) => p.id === productId);
  if (!found) throw new Error(`no product ${productId}`);
  return found.version;
}

/** The current version of the store of the seller the caller is, or of shop A. */
async function storeVersion(w: World, as: Caller) {
  const who = as === 'otherSeller' ? 'otherSeller' : 'seller';
  return ((await w.call(who, { method: 'GET', url: '/api/v1/seller/store' })) as { version: number }).version;
}

const memo = <T>(make: () => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make();
    return made;
  };
};
const acceptable = memo(() => world.offerOf(world.orders.accepted));
const declinable = memo(async () => {
  await acceptable();
  return world.offerOf(world.orders.declined);
});

/**
 * One valid request per route: valid for the right caller, so that any refusal is about who asks.
 * Where a route takes a thing, it is the first world's; routes on "your own" act on the caller's.
 */
const requests: Record<RouteName, Build> = {
  register: () => ({
    payload: { name: 'New Person', phone: uniquePhone(), password: 'chinar-leaf-42', role: 'customer' },
  }),
  login: (w, as) =>
    as === 'nobody'
      ? { payload: { phone: w.spare.phone, password: w.spare.password } }
      : { payload: { phone: w.people[as].user.phone, password: w.people[as].password } },
  refresh: async (w) => {
    const res = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: w.spare.phone, password: w.spare.password },
    });
    return { payload: { refresh_token: (res.json() as { refresh_token: string }).refresh_token } };
  },
  logout: async (w) => {
    const res = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: w.spare.phone, password: w.spare.password },
    });
    return { payload: { refresh_token: (res.json() as { refresh_token: string }).refresh_token } };
  },
  getMe: () => ({}),
  updateMe: (_w, as) => ({ payload: { name: `Renamed ${as}` } }),
  listAddresses: () => ({}),
  createAddress: () => ({
    payload: { label: 'Shop', text: 'Doda Bazaar, Kupwara', location: { lat: 34.5, lng: 74.25 } },
  }),
  updateAddress: (w) => ({ params: w.addresses.home, payload: { label: 'Home again' } }),
  deleteAddress: (w) => ({ params: w.addresses.spare }),
  notifications: () => ({}),
  markNotificationsRead: (w) => ({ payload: { ids: [w.notification] } }),
  markAllNotificationsRead: () => ({ payload: {} }),
  registerDevice: (_w, as) => ({
    payload: {
      expo_push_token: `ExponentPushToken[${as}${randomUUID().slice(0, 8)}]`,
      platform: 'android',
      app: 'customer',
    },
  }),
  deleteDevice: (w) => ({ params: w.deviceToken }),
  nearbyStores: (w, as) => ({ query: { ...(otherWorld(as) ? w.shops.otherSeller : w.shops.seller).location } }),
  getStore: (w) => ({ params: w.shops.seller.storeId }),
  storeProducts: (w) => ({ params: w.shops.seller.storeId }),
  categories: () => ({}),
  createMyStore: () => ({
    payload: {
      name: 'A Second Shop',
      address: 'Main Road',
      location: { lat: 34.5, lng: 74.25 },
      delivery_radius_km: 3,
    },
  }),
  getMyStore: () => ({}),
  updateMyStore: async (w, as) => ({ payload: { version: await storeVersion(w, as), description: 'Fresh daily' } }),
  setBusyMode: () => ({ payload: { mode: 'off' } }),
  uploadStoreImage: () => ({ query: { kind: 'logo' }, ...multipart(photo) }),
  sellerProducts: () => ({}),
  createProduct: () => ({ payload: { name: 'Saffron', price_paise: 50_000, unit: '1 g', stock: 5 } }),
  updateProduct: async (w) => ({
    params: w.shops.seller.product.id,
    payload: { version: await productVersion(w, w.shops.seller.product.id), stock: 40 },
  }),
  deleteProduct: async (w) => ({
    params: w.doomed.id,
    query: { version: String(await productVersion(w, w.doomed.id)) },
  }),
  setStock: async (w) => ({
    payload: {
      items: [
        { id: w.shops.seller.product.id, stock: 45, version: await productVersion(w, w.shops.seller.product.id) },
      ],
    },
  }),
  uploadProductImage: (w) => ({ params: w.shops.seller.product.id, ...multipart(photo) }),
  getMyAnalytics: () => ({}),
  sellerPayouts: () => ({}),
  placeOrder: (w, as) => {
    const shop = otherWorld(as) ? w.shops.otherCustomer : w.shops.customer;
    const customer = otherWorld(as) ? 'otherCustomer' : 'customer';
    const text = `Placed by the matrix for ${as}: ${randomUUID()}`;
    w.secret('address', `${customer}'s delivery address placed as ${as}`, text, [
      customer,
      otherWorld(as) ? 'otherSeller' : 'seller',
      'admin',
    ]);
    return {
      headers: key(),
      payload: {
        store_id: shop.storeId,
        items: [{ product_id: shop.product.id, quantity: 1, unit_price_paise: shop.product.price_paise }],
        delivery_address: { label: 'Home', text, location: shop.location },
        payment_method: 'cash',
      },
    };
  },
  listOrders: () => ({}),
  getOrder: (w) => ({ params: w.orders.carried }),
  sellerOrderRider: (w) => ({ params: w.orders.carried }),
  markOrderSeen: (w) => ({ params: w.orders.carried }),
  transitionOrder: (w) => ({ params: w.orders.carried, payload: { to: 'PICKED_UP' } }),
  riderStatusNow: () => ({}),
  setRiderStatus: () => ({ payload: { status: 'online' } }),
  sendLocations: (w, as) => ({
    payload: { points: [{ ...(as === 'otherRider' ? w.fixes.otherRider : w.fixes.rider), recorded_at: now() }] },
  }),
  riderAssignments: () => ({}),
  riderEarnings: () => ({}),
  riderCash: () => ({}),
  acceptOffer: async () => ({ params: await acceptable() }),
  declineOffer: async () => ({ params: await declinable() }),
  startPayment: (w) => ({ params: w.orders.unpaid }),
  verifyPayment: (w) => ({
    params: w.orders.unpaid,
    payload: {
      razorpay_order_id: 'order_Authz0000000001',
      razorpay_payment_id: 'pay_Authz0000000001',
      razorpay_signature: '0'.repeat(64),
    },
  }),
  riderCashOfRider: (w) => ({ params: w.people.rider.user.id }),
  recordCashSettlement: (w) => ({ params: w.people.rider.user.id, headers: key(), payload: { amount_paise: 100 } }),
};

/** The URL of a route with its one path parameter filled in, and its query. */
function urlOf(name: RouteName, params: string | undefined, query: Record<string, string | number> | undefined) {
  const path = routes[name].path.replace(/:\w+/, encodeURIComponent(params ?? ''));
  const search = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` : '';
  return `${apiPrefix}${path}${search}`;
}

const tables = memo(async () =>
  (
    await test.platform.database.db.execute<{ name: string }>(
      sql`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'spatial_ref_sys'
          ORDER BY 1`,
    )
  ).rows.map((row) => row.name),
);

/** A digest of every table, in one query, to tell whether a refused write changed anything. */
async function snapshot(): Promise<Record<string, string | null>> {
  const digests = (await tables()).map((table) => {
    const rows = table === 'jobs' ? sql`jobs WHERE kind <> ${paymentJobs.reconcile}` : sql`${sql.identifier(table)}`;
    return sql`SELECT ${table} AS name, (SELECT md5(string_agg(md5(t::text), '' ORDER BY md5(t::text)))
                 FROM (SELECT * FROM ${rows}) t) AS digest`;
  });
  const result = await test.platform.database.db.execute<{ name: string; digest: string | null }>(
    sql.join(digests, sql` UNION ALL `),
  );
  return Object.fromEntries(result.rows.map((row) => [row.name, row.digest]));
}

/**
 * Waits until no side effect of a write is still due. Jobs set for minutes ahead may wait, and so may
 * the gateway checks of the unpaid order, which come due by the clock and change nothing but their job.
 */
async function settle() {
  const db = test.platform.database.db;
  await vi.waitFor(
    async () => {
      const [row] = (
        await db.execute<{ due: string | null }>(
          sql`SELECT string_agg(kind || ' ' || attempts || ' ' || coalesce(last_error, ''), '; ') AS due
              FROM jobs WHERE failed_at IS NULL AND run_at < now() + interval '2 minutes'
                AND kind <> ${paymentJobs.reconcile}`,
        )
      ).rows;
      if (row?.due) throw new Error(`still due: ${row.due}`);
    },
    { timeout: 15_000, interval: 25 },
  );
}

const refusalCodes: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };
const isSuccess = (status: number) => status >= 200 && status < 300;

describe('the authorization matrix', () => {
  it('has one row for every route of the route table, and no other', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(routes).sort());
    expect(Object.keys(requests).sort()).toEqual(Object.keys(routes).sort());
  });

  const mismatches: string[] = [];
  const leaks: string[] = [];
  const changes: string[] = [];
  let checked = 0;

  /** Runs a row of the table: each caller's request, its answer, what it let out and what it changed. */
  async function walk(label: string, name: RouteName, row: Row, build: Build) {
    const spec = routes[name];
    // Refusals first: a write that succeeds must not make a later caller's refusal meaningless.
    const order = [...callers].sort((a, b) => Number(isSuccess(row[a])) - Number(isSuccess(row[b])));
    for (const as of order) {
      const want = row[as];
      const built = await build(world, as);
      const isWrite = spec.method !== 'GET';
      const mustNotChange = isWrite && (!isSuccess(want) || (withoutEffect[name] ?? []).includes(as));
      if (mustNotChange) await settle();
      const before = mustNotChange ? await snapshot() : undefined;
      const res = await test.app.inject({
        method: spec.method,
        url: urlOf(name, built.params, built.query),
        headers: { ...(as === 'nobody' ? {} : bearer(world.people[as])), ...built.headers },
        ...(built.payload === undefined ? {} : { payload: built.payload }),
      });
      checked += 1;
      const where = `${label} as ${as}`;
      if (res.statusCode !== want) mismatches.push(`${where}: ${res.statusCode}, expected ${want}: ${res.body}`);
      const code = refusalCodes[res.statusCode];
      if (code && res.statusCode === want && errorBody.parse(res.json()).error.code !== code) {
        mismatches.push(`${where}: ${res.statusCode} without ${code}: ${res.body}`);
      }
      for (const secret of world.secrets) {
        if (!secret.seenBy.has(as) && res.body.includes(secret.needle)) leaks.push(`${where}: ${secret.what}`);
      }
      if (isWrite) await settle();
      if (before) {
        const after = await snapshot();
        const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
        if (changed.length > 0) changes.push(`${where} (${res.statusCode}) changed ${changed.join(', ')}`);
      }
    }
  }

  it('answers every caller of every route as the table says, changes nothing it refuses, leaks nothing', async () => {
    for (const name of Object.keys(expected) as RouteName[]) await walk(name, name, expected[name], requests[name]);
    for (const [target, rows] of Object.entries(furtherOrders)) {
      const orderId = world.orders[target as keyof typeof furtherOrders];
      for (const [name, row] of Object.entries(rows) as [RouteName, Row][]) {
        const body = name === 'transitionOrder' ? { payload: { to: 'ACCEPTED', prep_minutes: 20 } } : {};
        const build: Build = async (w, as) => ({ ...(await requests[name](w, as)), params: orderId, ...body });
        await walk(`${name} of the ${target} order`, name, row, build);
      }
    }
    console.info(`authorization matrix: ${checked} requests (routes × callers), ${leaks.length} leaks`);
    expect({ mismatches, leaks, changes }).toEqual({ mismatches: [], leaks: [], changes: [] });
  }, 120_000);

  it('lets each caller follow only the channels that are theirs', async () => {
    // The payments test app listens already (for the fake gateway's webhooks): its sockets are on the same port.
    const url = `${new URL(test.webhookUrl).origin.replace(/^http/, 'ws')}/ws`;
    const names: Record<keyof typeof channelRows, ChannelName> = {
      carriedOrder: channelsOf.order(world.orders.carried),
      unpaidOrder: channelsOf.order(world.orders.unpaid),
      shop: channelsOf.store(world.shops.seller.storeId),
      rider: channelsOf.rider(world.people.rider.user.id),
    };
    const answers: string[] = [];
    const wanted: string[] = [];
    for (const as of callers) {
      const client = as === 'nobody' ? await openSocket(url) : await signedInSocket(url, world.people[as]);
      for (const [channel, row] of Object.entries(channelRows) as [
        keyof typeof channelRows,
        Record<Caller, string>,
      ][]) {
        client.send({ type: 'subscribe', channel: names[channel] });
        const answer = await client.next(
          (frame) =>
            (frame.type === 'subscribed' && frame.channel === names[channel]) ||
            (frame.type === 'error' && (frame.channel === names[channel] || frame.code === 'UNAUTHENTICATED')),
        );
        client.frames.splice(client.frames.indexOf(answer), 1);
        answers.push(`${channel} as ${as}: ${answer.type === 'error' ? answer.code : answer.type}`);
        wanted.push(`${channel} as ${as}: ${row[as]}`);
      }
      client.socket.terminate();
    }
    expect(answers).toEqual(wanted);
  });
});
