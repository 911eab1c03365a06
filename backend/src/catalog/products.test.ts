import type { Product } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, makeProduct, makeStore, registerUser } from '../../test/factories';

let app: FastifyInstance;
const queries: string[] = [];

beforeAll(async () => {
  ({ app } = await makeTestApp({}, { log: (sql) => queries.push(sql) }));
});
afterAll(() => app.close());

type Seller = { access_token: string };

async function page(storeId: string, query = '') {
  const res = await app.inject({ url: `/api/v1/stores/${storeId}/products?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Product[]; next_cursor: string | null };
}

const patch = (seller: Seller, id: string, payload: object) =>
  app.inject({ method: 'PATCH', url: `/api/v1/seller/products/${id}`, headers: bearer(seller), payload });

describe('a store’s products', () => {
  it('come a page at a time by name, each exactly once even while products are added', async () => {
    const { seller, store } = await makeStore(app);
    const names = Array.from({ length: 25 }, (_, i) => `Item ${String(i).padStart(2, '0')}`);
    for (const name of names) await makeProduct(app, seller, { name });

    const seen: string[] = [];
    let result = await page(store.id, 'limit=7');
    seen.push(...result.items.map((p) => p.name));
    // Added mid-walk: some sort before the cursor, some after it.
    const added = ['Aaa early', 'Item 03b', 'Item 20b', 'Zzz late'];
    for (const name of added) await makeProduct(app, seller, { name });
    while (result.next_cursor) {
      result = await page(store.id, `limit=7&cursor=${result.next_cursor}`);
      seen.push(...result.items.map((p) => p.name));
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const name of names) expect(seen).toContain(name);
    expect(seen.filter((name) => added.includes(name))).toEqual(['Item 20b', 'Zzz late']);
  });

  it('are one query per page', async () => {
    const { seller, store } = await makeStore(app);
    for (let i = 0; i < 5; i++) await makeProduct(app, seller, { name: `Dal ${i}` });
    queries.length = 0;
    const first = await page(store.id, 'limit=3');
    expect(queries).toHaveLength(1);
    queries.length = 0;
    await page(store.id, `limit=3&cursor=${first.next_cursor}`);
    expect(queries).toHaveLength(1);
    queries.length = 0;
    await page(store.id, 'limit=3&q=dal');
    expect(queries).toHaveLength(1);
  });

  it('and the nearby-store list, are one query each', async () => {
    await makeStore(app, { location: { lat: 11.5, lng: 79.5 } });
    await makeStore(app, { location: { lat: 11.501, lng: 79.5 } });
    queries.length = 0;
    const res = await app.inject({ url: '/api/v1/stores?lat=11.5&lng=79.5' });
    expect(res.json().items).toHaveLength(2);
    expect(queries).toHaveLength(1);
  });

  it('are found despite typos, the closest first', async () => {
    const { seller, store } = await makeStore(app);
    for (const name of ['Daawat Basmati Rice', 'Kashmiri Mongra Saffron', 'Basmati Broken Rice', 'Sona Masoori Rice']) {
      await makeProduct(app, seller, { name });
    }
    expect((await page(store.id, 'q=basmti')).items.map((p) => p.name)).toEqual([
      'Basmati Broken Rice',
      'Daawat Basmati Rice',
    ]);
    expect((await page(store.id, 'q=saffron')).items.map((p) => p.name)).toEqual(['Kashmiri Mongra Saffron']);
    expect((await page(store.id, 'q=walnut')).items).toEqual([]);
  });

  it('filter by category, a top category taking in its shelves', async () => {
    const { seller, store } = await makeStore(app);
    const tree = (await app.inject({ url: '/api/v1/categories' })).json().items as {
      slug: string;
      id: string;
      children: { slug: string; id: string }[];
    }[];
    const grocery = tree.find((c) => c.slug === 'grocery');
    const spices = grocery?.children.find((c) => c.slug === 'spices');
    const milk = tree.find((c) => c.slug === 'dairy')?.children.find((c) => c.slug === 'milk');
    await makeProduct(app, seller, { name: 'Kashmiri Chilli', category_id: spices?.id });
    await makeProduct(app, seller, { name: 'Toned Milk', category_id: milk?.id });
    expect((await page(store.id, 'category=spices')).items.map((p) => p.name)).toEqual(['Kashmiri Chilli']);
    expect((await page(store.id, 'category=grocery')).items.map((p) => p.name)).toEqual(['Kashmiri Chilli']);
    expect((await page(store.id, 'category=dairy')).items.map((p) => p.name)).toEqual(['Toned Milk']);
  });

  it('answer 404 for a store that does not exist and 400 for a bad cursor', async () => {
    expect((await app.inject({ url: '/api/v1/stores/0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4e/products' })).statusCode).toBe(
      404,
    );
    const { store } = await makeStore(app);
    const res = await app.inject({
      url: `/api/v1/stores/${store.id}/products?cursor=${Buffer.from('[1]').toString('base64url')}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('querystring.cursor');
  });
});

describe('seller inventory', () => {
  it('creates a product exactly as sent, MRP defaulting to the price', async () => {
    const { seller, store } = await makeStore(app);
    const created = await makeProduct(app, seller, {
      name: 'Kahwa Tea',
      price_paise: 25_000,
      unit: '250 g',
      stock: 12,
    });
    expect(created).toEqual({
      id: expect.any(String),
      store_id: store.id,
      category_id: null,
      name: 'Kahwa Tea',
      description: '',
      price_paise: 25_000,
      mrp_paise: 25_000,
      unit: '250 g',
      stock: 12,
      is_available: true,
      is_visible: true,
      images: [],
      version: 1,
      updated_at: expect.any(String),
    });
  });

  it('applies an edit on the version the seller saw, and answers a stale one with 409 and the current product', async () => {
    const { seller } = await makeStore(app);
    const product = await makeProduct(app, seller);
    const first = await patch(seller, product.id, { version: 1, price_paise: 13_000, mrp_paise: 14_000 });
    expect(first.json()).toMatchObject({ version: 2, price_paise: 13_000, mrp_paise: 14_000 });
    const stale = await patch(seller, product.id, { version: 1, stock: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'CONFLICT',
      details: { current: { id: product.id, version: 2, price_paise: 13_000, stock: 10 } },
    });
  });

  it('refuses a price above the MRP, and an unknown category', async () => {
    const { seller } = await makeStore(app);
    const product = await makeProduct(app, seller, { price_paise: 5_000, mrp_paise: 6_000 });
    const tooDear = await patch(seller, product.id, { version: 1, price_paise: 7_000 });
    expect(tooDear.statusCode).toBe(400);
    expect(tooDear.json().error.details.fields[0].field).toBe('body.mrp_paise');
    const unknown = await patch(seller, product.id, {
      version: 1,
      category_id: '0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4e',
    });
    expect(unknown.json().error.details.fields[0]).toEqual({ field: 'body.category_id', message: 'is not a category' });
  });

  it('keeps another seller’s products out of reach: 404 for every write', async () => {
    const owner = await makeStore(app);
    const product = await makeProduct(app, owner.seller);
    const other = await makeStore(app);
    expect((await patch(other.seller, product.id, { version: 1, price_paise: 1 })).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/v1/seller/products/${product.id}`,
          headers: bearer(other.seller),
        })
      ).statusCode,
    ).toBe(404);
    const stock = await app.inject({
      method: 'POST',
      url: '/api/v1/seller/products/stock',
      headers: bearer(other.seller),
      payload: { items: [{ id: product.id, stock: 0, version: 1 }] },
    });
    expect(stock.statusCode).toBe(404);
    expect((await page(owner.store.id)).items[0]).toMatchObject({ price_paise: 12_000, stock: 10, version: 1 });
  });

  it('sets stock in bulk, all or none', async () => {
    const { seller } = await makeStore(app);
    const a = await makeProduct(app, seller, { name: 'A' });
    const b = await makeProduct(app, seller, { name: 'B' });
    const bulk = (items: object[]) =>
      app.inject({ method: 'POST', url: '/api/v1/seller/products/stock', headers: bearer(seller), payload: { items } });
    const ok = await bulk([
      { id: a.id, stock: 3, version: 1 },
      { id: b.id, stock: 0, version: 1 },
    ]);
    expect(ok.json().items.map((p: Product) => [p.name, p.stock, p.version])).toEqual([
      ['A', 3, 2],
      ['B', 0, 2],
    ]);
    const mixed = await bulk([
      { id: a.id, stock: 50, version: 2 },
      { id: b.id, stock: 50, version: 1 },
    ]);
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json().error.details.current).toMatchObject([{ id: b.id, stock: 0, version: 2 }]);
    const after = await bulk([{ id: a.id, stock: 3, version: 2 }]);
    expect(after.json().items[0]).toMatchObject({ stock: 3, version: 3 });
  });

  it('hides a deleted product from the catalog', async () => {
    const { seller, store } = await makeStore(app);
    const product = await makeProduct(app, seller);
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/seller/products/${product.id}?version=1`,
      headers: bearer(seller),
    });
    expect(res.statusCode).toBe(204);
    expect((await page(store.id)).items).toEqual([]);
    expect((await patch(seller, product.id, { version: 2, stock: 1 })).statusCode).toBe(404);
  });

  it('shows a price change on the next read although pages are cached', async () => {
    const { seller, store } = await makeStore(app);
    const product = await makeProduct(app, seller);
    expect((await page(store.id)).items[0]?.price_paise).toBe(12_000);
    queries.length = 0;
    expect((await page(store.id)).items[0]?.price_paise).toBe(12_000);
    expect(queries).toHaveLength(0);
    await patch(seller, product.id, { version: 1, price_paise: 9_900 });
    expect((await page(store.id)).items[0]?.price_paise).toBe(9_900);
  });

  it('needs a store first', async () => {
    const seller = await registerUser(app, { role: 'seller' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/seller/products',
      headers: bearer(seller),
      payload: { name: 'X', price_paise: 1, unit: '1', stock: 1 },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Open your store first');
  });
});
