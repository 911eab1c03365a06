import type { RegisterRequest, Session } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

let sequence = 0;

/** A phone number no other test in the run uses: +91 9 followed by nine digits. */
export function uniquePhone(): string {
  sequence += 1;
  const digits = `${process.pid % 1000}${Date.now() % 100_000}${sequence}`.slice(-9).padStart(9, '0');
  return `+919${digits}`;
}

export type RegisterInput = { [K in keyof RegisterRequest]?: RegisterRequest[K] | string };

export const PASSWORD = 'chinar-leaf-42';

/** Registers through the API and returns the session; fails the test on anything but 201. */
export async function registerUser(
  app: FastifyInstance,
  input: RegisterInput = {},
): Promise<Session & { password: string }> {
  const role = input.role ?? 'customer';
  const body = {
    name: 'Aamir Lone',
    phone: uniquePhone(),
    password: PASSWORD,
    role,
    ...(role === 'rider' ? { vehicle_type: 'motorcycle' } : {}),
    ...input,
  };
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json() as Session), password: String(body.password) };
}

export const bearer = (session: { access_token: string }) => ({ authorization: `Bearer ${session.access_token}` });

export const KUPWARA = { lat: 34.5297, lng: 74.2543 };

/** A point `metres` north of `from` (a degree of latitude is about 110.95 km here). */
export const north = (from: { lat: number; lng: number }, metres: number) => ({
  lat: from.lat + metres / 110_950,
  lng: from.lng,
});

export const ALWAYS_OPEN = Object.fromEntries(
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [
    day,
    [
      { open: '00:00', close: '23:59' },
      { open: '23:59', close: '00:00' },
    ],
  ]),
);

/** A seller with an open store, made through the API. */
export async function makeStore(
  app: FastifyInstance,
  store: {
    name?: string;
    location?: { lat: number; lng: number };
    delivery_radius_km?: number;
    categories?: string[];
  } = {},
) {
  const seller = await registerUser(app, { role: 'seller' });
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/seller/store',
    headers: bearer(seller),
    payload: {
      name: store.name ?? 'Lone General Store',
      address: 'Main Bazaar, Kupwara',
      location: store.location ?? KUPWARA,
      delivery_radius_km: store.delivery_radius_km ?? 5,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const patched = await app.inject({
    method: 'PATCH',
    url: '/api/v1/seller/store',
    headers: bearer(seller),
    payload: { version: 1, opening_hours: ALWAYS_OPEN, categories: store.categories ?? ['grocery'] },
  });
  expect(patched.statusCode, patched.body).toBe(200);
  return { seller, store: patched.json() as { id: string; version: number } };
}

/** A product in the seller's store, made through the API. */
export async function makeProduct(
  app: FastifyInstance,
  seller: { access_token: string },
  product: Record<string, unknown> = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/seller/products',
    headers: bearer(seller),
    payload: { name: 'Basmati Rice', price_paise: 12_000, unit: '1 kg', stock: 10, ...product },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; name: string; price_paise: number };
}
