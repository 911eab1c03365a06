import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, registerUser } from '../../test/factories';

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await makeTestApp());
});
afterAll(() => app.close());

const store = {
  name: 'Lone Bakers',
  address: 'Main Chowk, Kupwara',
  location: { lat: 34.5262, lng: 74.2546 },
  delivery_radius_km: 3,
};

describe('role guards', () => {
  it('keep customers and riders out of seller routes with 403', async () => {
    for (const role of ['customer', 'rider'] as const) {
      const user = await registerUser(app, { role });
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/seller/store',
        headers: bearer(user),
        payload: store,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'Only seller accounts can do this' } });
    }
  });

  it('keep sellers and riders out of customer addresses with 403', async () => {
    const seller = await registerUser(app, { role: 'seller' });
    const res = await app.inject({ url: '/api/v1/me/addresses', headers: bearer(seller) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('answer 401 before 403 when there is no token at all', async () => {
    const res = await app.inject({ url: '/api/v1/seller/store' });
    expect(res.statusCode).toBe(401);
  });
});

describe('seller store', () => {
  it('is opened once, read back exactly, and a second one is refused with 409', async () => {
    const seller = await registerUser(app, { role: 'seller' });
    expect((await app.inject({ url: '/api/v1/seller/store', headers: bearer(seller) })).statusCode).toBe(404);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/seller/store',
      headers: bearer(seller),
      payload: store,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      id: expect.any(String),
      name: 'Lone Bakers',
      description: '',
      address: 'Main Chowk, Kupwara',
      location: { lat: 34.5262, lng: 74.2546 },
      phone: null,
      delivery_radius_km: 3,
      time_zone: 'Asia/Kolkata',
      opening_hours: expect.objectContaining({ mon: [{ open: '09:00', close: '21:00' }] }),
      is_accepting_orders: true,
      is_open_now: expect.any(Boolean),
      closes_at: expect.toBeOneOf([null, expect.any(String)]),
      opens_at: expect.toBeOneOf([null, expect.any(String)]),
      paused_until: null,
      extra_prep_minutes: 0,
      extra_prep_until: null,
      rating: { average: 0, count: 0 },
      categories: [],
      min_order_paise: 0,
      logo: null,
      cover: null,
      // Both switches on; the test app has no payment gateway, so customers are offered cash.
      accepts_cash: true,
      accepts_online: true,
      payment_methods: ['cash'],
      version: 1,
      updated_at: expect.any(String),
    });
    const read = await app.inject({ url: '/api/v1/seller/store', headers: bearer(seller) });
    expect(read.json()).toEqual(created.json());
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/seller/store',
      headers: bearer(seller),
      payload: { ...store, name: 'Second' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('You already have a store: change it instead');
  });

  it('is each seller’s own: another seller sees only theirs', async () => {
    const a = await registerUser(app, { role: 'seller' });
    const b = await registerUser(app, { role: 'seller' });
    await app.inject({ method: 'POST', url: '/api/v1/seller/store', headers: bearer(a), payload: store });
    expect((await app.inject({ url: '/api/v1/seller/store', headers: bearer(b) })).statusCode).toBe(404);
  });

  it('refuses a location off the map or a radius out of range', async () => {
    const seller = await registerUser(app, { role: 'seller' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/seller/store',
      headers: bearer(seller),
      payload: { ...store, location: { lat: 134.5, lng: 74.2 }, delivery_radius_km: 500 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'body.location.lat',
      'body.delivery_radius_km',
    ]);
  });
});
