import { randomInt, randomUUID } from 'node:crypto';
import type { Scenario } from '../scenario';
import { alwaysOpen, centre } from '../town';

const password = 'bench-password-1';
const SHOPS = 20;
const PRODUCTS_PER_SHOP = 12;
const CUSTOMERS = 40;

async function call<T>(baseUrl: string, method: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function signUp(baseUrl: string, role: 'customer' | 'seller') {
  const phone = `+9196${String(randomInt(0, 1e8)).padStart(8, '0')}`;
  const session = await call<{ access_token: string }>(baseUrl, 'POST', '/api/v1/auth/register', {
    name: `Bench ${role}`,
    phone,
    password,
    role,
  });
  return session.access_token;
}

/** A shop within a kilometre of the centre, open all day, with products stocked far past the run. */
async function openShop(baseUrl: string, index: number) {
  const seller = await signUp(baseUrl, 'seller');
  const location = {
    lat: centre.lat + ((index % 5) - 2) * 0.002,
    lng: centre.lng + (Math.floor(index / 5) - 2) * 0.002,
  };
  await call(
    baseUrl,
    'POST',
    '/api/v1/seller/store',
    {
      name: `Bench Shop ${index}`,
      address: 'Main Bazaar, Kupwara',
      location,
      delivery_radius_km: 5,
    },
    seller,
  );
  const store = await call<{ id: string }>(
    baseUrl,
    'PATCH',
    '/api/v1/seller/store',
    { version: 1, opening_hours: alwaysOpen },
    seller,
  );
  const products = [];
  for (let p = 0; p < PRODUCTS_PER_SHOP; p++) {
    const price = 2_000 + 500 * p;
    const product = await call<{ id: string }>(
      baseUrl,
      'POST',
      '/api/v1/seller/products',
      {
        name: `Item ${p}`,
        price_paise: price,
        unit: '1 pc',
        stock: 1_000_000,
      },
      seller,
    );
    products.push({ id: product.id, price });
  }
  return { storeId: store.id, products };
}

export const placeOrders: Scenario = {
  name: 'orders-place',
  description: `POST /orders, 3 items, new Idempotency-Key each: ${CUSTOMERS} customers, ${SHOPS} shops; side-effect jobs run in the same process`,
  rates: [250],
  async request(baseUrl) {
    const shops: Awaited<ReturnType<typeof openShop>>[] = [];
    for (let i = 0; i < SHOPS; i++) shops.push(await openShop(baseUrl, i));
    const customers: string[] = [];
    for (let i = 0; i < CUSTOMERS; i++) customers.push(await signUp(baseUrl, 'customer'));
    const pick = <T>(list: T[]): T => list[randomInt(0, list.length)] as T;
    const order = () => {
      const shop = pick(shops);
      const start = randomInt(0, PRODUCTS_PER_SHOP - 2);
      return {
        headers: { authorization: `Bearer ${pick(customers)}`, 'idempotency-key': `bench-${randomUUID()}` },
        body: JSON.stringify({
          store_id: shop.storeId,
          items: shop.products
            .slice(start, start + 3)
            .map((p, i) => ({ product_id: p.id, quantity: 1 + i, unit_price_paise: p.price })),
          delivery_address: { label: 'Home', text: 'Near the Jamia Masjid', location: centre },
          payment_method: 'cash',
        }),
      };
    };
    const sample = order();
    return { method: 'POST', path: '/api/v1/orders', headers: sample.headers, body: sample.body, vary: order };
  },
};
