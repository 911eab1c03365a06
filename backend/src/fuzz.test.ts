import {
  errorBody,
  expoPushToken,
  id,
  latLng,
  loginRequest,
  MAX_INT4,
  orderListQuery,
  orderStatuses,
  phone,
  placeOrderRequest,
  type RouteName,
  refreshToken,
  routes,
  rowVersion,
  updateStoreRequest,
} from '@kupwara/shared';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePaymentsTestApp, type PaymentsTestApp } from '../test/app';
import { changedTables, type Digest, digester } from '../test/db-digest';
import { bearer, KUPWARA, north, PASSWORD } from '../test/factories';
import { type Caller, type FuzzRequest, fuzzRequests, type UploadFiles } from '../test/fuzz-requests';
import { advanceOrder, HOME, line, makeMarket, placeOrder } from '../test/orders';
import { arbitraryOf, type Hints } from '../test/zod-arbitrary';

// Every route of the table, sent requests made from its own schemas: valid ones (by the callers it
// admits, on their own rows, so the handler runs) and every kind of broken one. Whatever comes:
// never a 5xx, never a trace of our insides, every refusal a 4xx in the error contract, and a
// refused write leaves every table as it was.

const RUNS = 50;
const SEED = 19;

let test: PaymentsTestApp;
let digest: () => Promise<Digest>;
let tokens: Record<Caller, string | undefined>;
let hints: Hints;
let pools: Record<'stores' | 'products' | 'orders' | 'addresses' | 'riders' | 'users', string[]>;
let files: UploadFiles;
const counts = new Map<RouteName, Record<string, number>>();

beforeAll(async () => {
  test = await makePaymentsTestApp({ authLimitPerIp: 1e9, authLimitPerAccount: 1e9 }, { runJobs: false });
  const { app, platform } = test;
  const db = platform.database.db;
  const market = await makeMarket(app, db);
  const { customer, seller, rider, admin, store, rice, tea } = market;
  const parties = { customer, seller, rider, admin };
  const addresses = [];
  for (const label of ['Home', 'Work', 'Mother']) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/addresses',
      headers: bearer(customer),
      payload: { ...HOME, label },
    });
    expect(res.statusCode, res.body).toBe(201);
    addresses.push(res.json().id as string);
  }
  const devices = ['ExponentPushToken[fuzz-customer-01]', 'ExpoPushToken[fuzz-seller-0001]'];
  for (const [i, token] of devices.entries()) {
    const who = i === 0 ? customer : seller;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/devices',
      headers: bearer(who),
      payload: { expo_push_token: token, platform: 'android', app: i === 0 ? 'customer' : 'seller' },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const placed = await placeOrder(app, customer, store.id, [line(rice), line(tea, 2)]);
  const accepted = await placeOrder(app, customer, store.id, [line(rice, 3)]);
  await advanceOrder(app, parties, accepted.id, 'ACCEPTED');
  const online = await placeOrder(app, customer, store.id, [line(tea)], 'online');
  // Refresh tokens of logins of their own: using one up (or logging it out) ends no caller's session.
  const spare: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: customer.user.phone, password: PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    spare.push(res.json().refresh_token as string);
  }
  pools = {
    stores: [store.id],
    products: [rice.id, tea.id],
    orders: [placed.id, accepted.id, online.id],
    addresses,
    riders: [rider.user.id],
    users: Object.values(parties).map((p) => p.user.id),
  };
  hints = new Map<Parameters<Hints['set']>[0], fc.Arbitrary<unknown>>([
    // Rows start at version 1 or 2: small versions are the ones that match.
    [
      rowVersion,
      fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) }, fc.integer({ min: 1, max: MAX_INT4 })),
    ],
    // A cart of the shop's products at the prices shown (mostly), delivered within its area (mostly).
    [
      placeOrderRequest.shape.items,
      fc.subarray([rice, tea], { minLength: 1 }).chain((products) =>
        fc.tuple(
          ...products.map((product) =>
            fc.record({
              product_id: fc.constant(product.id),
              quantity: fc.integer({ min: 1, max: 3 }),
              unit_price_paise: fc.constantFrom(product.price_paise, product.price_paise, 1),
            }),
          ),
        ),
      ),
    ],
    [
      latLng,
      fc.oneof(
        fc.integer({ min: 0, max: 4000 }).map((metres) => north(KUPWARA, metres)),
        arbitraryOf(latLng),
      ),
    ],
    [refreshToken, fc.oneof(fc.constantFrom(...spare), arbitraryOf(refreshToken))],
    [phone, fc.oneof(fc.constantFrom(customer.user.phone, seller.user.phone), fc.stringMatching(/^\+919\d{9}$/))],
    [expoPushToken, fc.oneof(fc.constantFrom(...devices), fc.stringMatching(/^ExponentPushToken\[[\w-]{8,40}\]$/))],
    [loginRequest.shape.password, fc.oneof(fc.constant(PASSWORD), fc.string({ minLength: 1, maxLength: 128 }))],
    [updateStoreRequest.shape.time_zone.unwrap(), fc.constantFrom('Asia/Kolkata', 'UTC', 'Asia/Karachi')],
    [orderListQuery.shape.status.unwrap(), fc.subarray([...orderStatuses], { minLength: 1 }).map((s) => s.join(','))],
  ]);
  tokens = {
    ...Object.fromEntries(Object.entries(parties).map(([role, p]) => [role, p.access_token])),
    nobody: undefined,
    // An unsigned token claiming to be an operator: never accepted.
    garbage: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.',
  } as Record<Caller, string | undefined>;
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0B5D3B' } })
    .png()
    .toBuffer();
  files = { photo, huge: Buffer.alloc(9 * 1024 * 1024, 1) };
  digest = await digester(db);
}, 60_000);

afterAll(async () => {
  const lines = [...counts].map(
    ([name, c]) => `${name}: ${c.cases} cases (${c['2xx'] ?? 0} 2xx, ${c['4xx'] ?? 0} 4xx)`,
  );
  const total = [...counts.values()].reduce((sum, c) => sum + (c.cases ?? 0), 0);
  console.info(`fuzz: ${total} cases over ${counts.size} routes, seed ${SEED}\n${lines.join('\n')}`);
  await test?.close();
});

/**
 * The one refusal that writes, on purpose: an old refresh token coming back revokes its whole login
 * (theft detection), so the thief's copy and the owner's both stop working.
 */
const refusalsThatWrite: Partial<Record<RouteName, { status: number; tables: string[] }>> = {
  refresh: { status: 401, tables: ['refresh_tokens'] },
};

/** What a response must never show: a stack frame, a file path, SQL or a database error. */
const leaks: readonly RegExp[] = [
  /\bat \/|\bat .+\(.*:\d+:\d+\)/,
  /node_modules/,
  /\/(?:work|srv|home|usr|app|tmp)\/\w/,
  /\.(?:ts|js|mjs):\d+/,
  /\b(?:SELECT|INSERT|UPDATE|DELETE)\b[\s\S]*\b(?:FROM|INTO|SET|WHERE)\b/,
  /relation "/,
  /syntax error/i,
  /violates|duplicate key|invalid input syntax|invalid byte sequence/i,
  /\b(?:drizzle|pglite|postgres|PostgreSQL|pg_)\w*/i,
];

function describeRequest(request: FuzzRequest): string {
  const payload = request.payload === undefined ? '' : String(request.payload).slice(0, 300);
  return `${request.kind} by ${request.caller}: ${request.method} ${request.url.slice(0, 300)} ${JSON.stringify(request.headers).slice(0, 300)} ${payload}`;
}

async function send(request: FuzzRequest) {
  const token = tokens[request.caller];
  const headers = token ? { ...request.headers, authorization: `Bearer ${token}` } : request.headers;
  return test.app.inject({ method: request.method, url: request.url, headers, payload: request.payload });
}

/**
 * The rows a route's ids should mostly name for its handler to find them (read from its path, so a
 * new route gets them too), then any of ours, then ids of nothing.
 */
function hintsFor(path: string): Hints {
  const byPath: [RegExp, string[]][] = [
    [/^\/orders$/, pools.stores],
    [/^\/stores\/:id/, [...pools.stores, ...pools.products]],
    [/^\/me\/addresses\/:id/, pools.addresses],
    [/^\/seller\/products/, pools.products],
    [/^\/(?:seller\/)?orders/, [...pools.orders, ...pools.stores, ...pools.products, ...pools.riders]],
    [/^\/admin\/riders/, pools.riders],
  ];
  const own = byPath.find(([pattern]) => pattern.test(path))?.[1] ?? [];
  const all = Object.values(pools).flat();
  const ids = fc.oneof(
    ...(own.length ? [{ weight: 6, arbitrary: fc.constantFrom(...own) }] : []),
    { weight: 2, arbitrary: fc.constantFrom(...all) },
    { weight: 1, arbitrary: fc.uuid() },
  );
  return new Map([...hints, [id, ids]]);
}

const count = (name: RouteName, key: string) => {
  const c = counts.get(name) ?? {};
  c[key] = (c[key] ?? 0) + 1;
  counts.set(name, c);
};

describe('every route, fuzzed from its own schemas', () => {
  // Deletions last, so the rows every other route works on are still there when it runs.
  const names = (Object.keys(routes) as RouteName[]).sort(
    (a, b) => Number(routes[a].method === 'DELETE') - Number(routes[b].method === 'DELETE'),
  );
  it.each(names)('%s', async (name) => {
    const spec = routes[name];
    const writes = spec.method !== 'GET';
    let before = writes ? await digest() : undefined;
    await fc.assert(
      fc.asyncProperty(fuzzRequests(spec, hintsFor(spec.path), files), async (request) => {
        const res = await send(request);
        const after = writes ? await digest() : undefined;
        const changed = before && after ? changedTables(before, after) : [];
        before = after;
        count(name, 'cases');
        count(name, `${Math.floor(res.statusCode / 100)}xx`);
        const what = `${describeRequest(request)}\n→ ${res.statusCode} ${res.body.slice(0, 500)}`;
        expect(res.statusCode, what).toBeLessThan(500);
        const sent = `${request.url} ${JSON.stringify(request.headers)} ${String(request.payload ?? '')}`;
        for (const leak of leaks) {
          if (!leak.test(sent)) expect(res.body, `${what}\nleaks ${leak}`).not.toMatch(leak);
        }
        if (res.statusCode >= 400) {
          expect(res.headers['content-type'], what).toMatch(/^application\/json/);
          expect(errorBody.safeParse(res.json()).success, what).toBe(true);
          const allowed = refusalsThatWrite[name];
          const unexpected = changed.filter(
            (table) => allowed?.status !== res.statusCode || !allowed.tables.includes(table),
          );
          expect(unexpected, `${what}\na refused write changed these tables`).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
