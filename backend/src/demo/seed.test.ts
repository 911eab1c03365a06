import { count } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer } from '../../test/factories';
import { users } from '../accounts/tables';
import type { Platform } from '../platform/platform';
import { DEMO_PASSWORD, seedDemo } from './seed';

let app: FastifyInstance;
let platform: Platform;

beforeAll(async () => {
  ({ app, platform } = await makeTestApp());
});
afterAll(() => app.close());

it('makes the demo people and thirty shops with stock, once', async () => {
  const logins = await seedDemo(platform.database.db);
  expect(logins).toEqual([
    { role: 'customer', phone: '+919906000001' },
    { role: 'seller', phone: '+919906000002' },
    { role: 'rider', phone: '+919906000003' },
    { role: 'admin', phone: '+919906000000' },
  ]);
  expect(await seedDemo(platform.database.db)).toEqual(logins);
  const [total] = await platform.database.db.select({ n: count() }).from(users);
  expect(Number(total?.n)).toBe(4 + 29);

  for (const { role, phone } of logins) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone, password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.role).toBe(role);
  }
  const seller = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: '+919906000002', password: DEMO_PASSWORD },
    })
  ).json();
  const store = await app.inject({ url: '/api/v1/seller/store', headers: bearer(seller) });
  expect(store.json()).toMatchObject({
    name: 'Mir General Store',
    location: { lat: 34.5297, lng: 74.2543 },
    categories: ['grocery'],
  });

  const nearby = await app.inject({ url: '/api/v1/stores?lat=34.5297&lng=74.2543&radius_km=10&limit=100' });
  const shops = nearby.json().items as { name: string; categories: string[]; distance_m: number }[];
  expect(shops).toHaveLength(30);
  expect(shops[0]).toMatchObject({ name: 'Mir General Store', distance_m: 0 });
  expect(new Set(shops.map((s) => s.categories[0]))).toEqual(
    new Set(['grocery', 'bakery', 'pharmacy', 'vegetables', 'dairy', 'meat', 'stationery']),
  );
  const products = await app.inject({ url: `/api/v1/stores/${store.json().id}/products?q=basmati` });
  expect(products.json().items[0]).toMatchObject({
    name: 'Daawat Basmati Rice',
    price_paise: 14_500,
    mrp_paise: 16_000,
    unit: '1 kg',
  });
});
