import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, PASSWORD, registerUser, uniquePhone } from '../../test/factories';

// Every field of every request body of this module, replaced by values of the wrong type or huge
// strings: a 400 naming that field. Replaced by arbitrary unicode: accepted, or a 4xx, never a 500.

let app: FastifyInstance;
let customer: { access_token: string };
let seller: { access_token: string };
let addressId: string;

beforeAll(async () => {
  ({ app } = await makeTestApp({ authLimitPerIp: 1e9, authLimitPerAccount: 1e9 }));
  customer = await registerUser(app);
  seller = await registerUser(app, { role: 'seller' });
  const address = await app.inject({
    method: 'POST',
    url: '/api/v1/me/addresses',
    headers: bearer(customer),
    payload: { label: 'Home', text: 'Kupwara', location: { lat: 34.5, lng: 74.2 } },
  });
  addressId = address.json().id;
});
afterAll(() => app.close());

type Kind = 'string' | 'nullable string' | 'number' | 'boolean' | 'object';

interface Endpoint {
  method: 'POST' | 'PATCH';
  url: () => string;
  headers: () => Record<string, string>;
  body: () => Record<string, unknown>;
  fields: Record<string, Kind>;
}

const location = { lat: 34.5297, lng: 74.2543 };

const endpoints: Record<string, Endpoint> = {
  'POST /auth/register': {
    method: 'POST',
    url: () => '/api/v1/auth/register',
    headers: () => ({}),
    body: () => ({
      name: 'Fuzz',
      phone: uniquePhone(),
      email: `${uniquePhone().slice(1)}@kupwara.in`,
      password: PASSWORD,
      role: 'rider',
      vehicle_type: 'bicycle',
    }),
    fields: {
      name: 'string',
      phone: 'string',
      email: 'string',
      password: 'string',
      role: 'string',
      vehicle_type: 'string',
    },
  },
  'POST /auth/login': {
    method: 'POST',
    url: () => '/api/v1/auth/login',
    headers: () => ({}),
    body: () => ({ phone: uniquePhone(), password: PASSWORD }),
    fields: { phone: 'string', password: 'string' },
  },
  'POST /auth/refresh': {
    method: 'POST',
    url: () => '/api/v1/auth/refresh',
    headers: () => ({}),
    body: () => ({ refresh_token: 'r'.repeat(43) }),
    fields: { refresh_token: 'string' },
  },
  'POST /auth/logout': {
    method: 'POST',
    url: () => '/api/v1/auth/logout',
    headers: () => ({}),
    body: () => ({ refresh_token: 'r'.repeat(43) }),
    fields: { refresh_token: 'string' },
  },
  'PATCH /me (profile)': {
    method: 'PATCH',
    url: () => '/api/v1/me',
    headers: () => bearer(customer),
    body: () => ({ name: 'Fuzz', email: `${uniquePhone().slice(1)}@kupwara.in` }),
    fields: { name: 'string', email: 'nullable string', vehicle_type: 'string' },
  },
  'PATCH /me (password)': {
    method: 'PATCH',
    url: () => '/api/v1/me',
    headers: () => bearer(customer),
    body: () => ({ current_password: PASSWORD, new_password: PASSWORD }),
    fields: { current_password: 'string', new_password: 'string' },
  },
  'POST /me/addresses': {
    method: 'POST',
    url: () => '/api/v1/me/addresses',
    headers: () => bearer(customer),
    body: () => ({ label: 'Home', text: 'Kupwara', location, is_default: false }),
    fields: { label: 'string', text: 'string', location: 'object', is_default: 'boolean' },
  },
  'PATCH /me/addresses/:id': {
    method: 'PATCH',
    url: () => `/api/v1/me/addresses/${addressId}`,
    headers: () => bearer(customer),
    body: () => ({ label: 'Home', text: 'Kupwara', location }),
    fields: { label: 'string', text: 'string', location: 'object', is_default: 'boolean' },
  },
  'POST /seller/store': {
    method: 'POST',
    url: () => '/api/v1/seller/store',
    headers: () => bearer(seller),
    body: () => ({ name: 'Fuzz Store', address: 'Kupwara', location, delivery_radius_km: 3 }),
    fields: { name: 'string', address: 'string', location: 'object', delivery_radius_km: 'number' },
  },
};

// Keys that Fastify's JSON parser refuses outright (prototype poisoning): tested on their own below.
const key = fc.string({ maxLength: 5 }).filter((k) => k !== '__proto__' && k !== 'constructor');
const anything = fc.anything({ key, maxDepth: 2 });

/** Values that are never valid for a field of this kind. */
const wrongType = (kind: Kind) =>
  fc.oneof(
    ...[
      !kind.endsWith('string') && fc.string({ maxLength: 20 }),
      kind !== 'number' && fc.double({ noNaN: true, noDefaultInfinity: true }),
      kind !== 'boolean' && fc.boolean(),
      kind !== 'nullable string' && fc.constant(null),
      fc.array(anything, { maxLength: 3 }),
      kind !== 'object' && fc.dictionary(key, anything, { maxKeys: 3 }),
    ].filter((arb) => arb !== false),
  );

const huge = fc.integer({ min: 2_000, max: 200_000 }).chain((n) => fc.constant('ॐ'.repeat(n)));
const unicode = fc.string({ unit: 'grapheme', maxLength: 60 });

async function send(endpoint: Endpoint, field: string, value: unknown) {
  const payload = { ...endpoint.body(), [field]: value };
  return app.inject({ method: endpoint.method, url: endpoint.url(), headers: endpoint.headers(), payload });
}

function expectFieldNamed(res: Awaited<ReturnType<typeof send>>, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  const fields: { field: string }[] = res.json().error.details.fields;
  expect(
    fields.some((f) => f.field === `body.${field}` || f.field.startsWith(`body.${field}.`)),
    res.body,
  ).toBe(true);
}

describe.each(Object.entries(endpoints))('%s', (_name, endpoint) => {
  it.each(Object.entries(endpoint.fields))(
    '%s: a value of the wrong type or a huge string is a 400 naming it',
    async (field, kind) => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(wrongType(kind), huge), async (value) => {
          if (kind.endsWith('string') && typeof value === 'string' && value.length < 2_000) return;
          expectFieldNamed(await send(endpoint, field, value), field);
        }),
        { numRuns: 25 },
      );
    },
  );

  it.each(Object.entries(endpoint.fields).filter(([, kind]) => kind.endsWith('string')))(
    '%s: any unicode is accepted, or refused as that field, never a 5xx',
    async (field) => {
      await fc.assert(
        fc.asyncProperty(unicode, async (value) => {
          const res = await send(endpoint, field, value);
          expect(res.statusCode, res.body).toBeLessThan(500);
          // A valid new password changes it, after which the fixed current_password is the one refused.
          if (res.statusCode === 400 && field !== 'new_password') expectFieldNamed(res, field);
        }),
        { numRuns: 25 },
      );
    },
  );

  it('a body that is not an object, poisons prototypes or has fields we do not know, is a 400', async () => {
    for (const payload of ['"text"', '[]', '42', 'null']) {
      const res = await app.inject({
        method: endpoint.method,
        url: endpoint.url(),
        headers: { ...endpoint.headers(), 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
    }
    const poisoned = await app.inject({
      method: endpoint.method,
      url: endpoint.url(),
      headers: { ...endpoint.headers(), 'content-type': 'application/json' },
      payload: `{"__proto__": {"role": "admin"}, ${JSON.stringify(endpoint.body()).slice(1)}`,
    });
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json().error.code).toBe('BAD_REQUEST');
    const extra = await send(endpoint, 'is_admin', true);
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.fields).toContainEqual({ field: 'body.is_admin', message: expect.any(String) });
  });
});
