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

it('makes one demo customer, seller (with a store), rider and admin, once', async () => {
  const logins = await seedDemo(platform.database.db);
  expect(logins).toEqual([
    { role: 'customer', phone: '+919906000001' },
    { role: 'seller', phone: '+919906000002' },
    { role: 'rider', phone: '+919906000003' },
    { role: 'admin', phone: '+919906000000' },
  ]);
  expect(await seedDemo(platform.database.db)).toEqual(logins);
  const [total] = await platform.database.db.select({ n: count() }).from(users);
  expect(Number(total?.n)).toBe(4);

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
    delivery_radius_km: 4,
  });
});
