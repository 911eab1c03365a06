import type { Product } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, makeProduct, makeStore, registerUser } from '../../test/factories';

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await makeTestApp());
});
afterAll(() => app.close());

type Seller = { access_token: string };
type Page = { items: Product[]; next_cursor: string | null };

async function sellerPage(seller: Seller, query = '') {
  const res = await app.inject({ url: `/api/v1/seller/products?${query}`, headers: bearer(seller) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

const publicNames = async (storeId: string) =>
  ((await app.inject({ url: `/api/v1/stores/${storeId}/products` })).json() as Page).items.map((p) => p.name);

const patch = (seller: Seller, id: string, payload: object, key?: string) =>
  app.inject({
    method: 'PATCH',
    url: `/api/v1/seller/products/${id}`,
    headers: { ...bearer(seller), ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });

describe('the seller’s own product list', () => {
  it('holds every product, hidden and out-of-stock ones too, which customers do not see hidden', async () => {
    const { seller, store } = await makeStore(app);
    await makeProduct(app, seller, { name: 'Apricots', stock: 0 });
    await makeProduct(app, seller, { name: 'Bread', is_available: false });
    await makeProduct(app, seller, { name: 'Candles', is_visible: false });
    const page = await sellerPage(seller);
    expect(page.items.map((p) => [p.name, p.stock, p.is_available, p.is_visible])).toEqual([
      ['Apricots', 0, true, true],
      ['Bread', 10, false, true],
      ['Candles', 10, true, false],
    ]);
    expect(page.next_cursor).toBeNull();
    expect(await publicNames(store.id)).toEqual(['Apricots', 'Bread']);
  });

  it('comes in pages of up to 500, each product once, and only the seller’s own', async () => {
    const { seller } = await makeStore(app);
    const other = await makeStore(app);
    await makeProduct(app, other.seller, { name: 'Not mine' });
    for (let i = 0; i < 7; i++) await makeProduct(app, seller, { name: `Item ${i}` });
    const names: string[] = [];
    let page = await sellerPage(seller, 'limit=3');
    names.push(...page.items.map((p) => p.name));
    while (page.next_cursor) {
      page = await sellerPage(seller, `limit=3&cursor=${page.next_cursor}`);
      names.push(...page.items.map((p) => p.name));
    }
    expect(names).toEqual(['Item 0', 'Item 1', 'Item 2', 'Item 3', 'Item 4', 'Item 5', 'Item 6']);
    const tooMany = await app.inject({ url: '/api/v1/seller/products?limit=501', headers: bearer(seller) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details.fields[0].field).toBe('querystring.limit');
  });

  it('is searchable and filtered by category', async () => {
    const { seller } = await makeStore(app);
    const tree = (await app.inject({ url: '/api/v1/categories' })).json().items as {
      slug: string;
      children: { slug: string; id: string }[];
    }[];
    const spices = tree.find((c) => c.slug === 'grocery')?.children.find((c) => c.slug === 'spices');
    await makeProduct(app, seller, { name: 'Kashmiri Chilli', category_id: spices?.id, is_visible: false });
    await makeProduct(app, seller, { name: 'Kashmiri Kahwa' });
    expect((await sellerPage(seller, 'q=kashmiri')).items.map((p) => p.name)).toEqual([
      'Kashmiri Chilli',
      'Kashmiri Kahwa',
    ]);
    expect((await sellerPage(seller, 'category=grocery')).items.map((p) => p.name)).toEqual(['Kashmiri Chilli']);
  });

  it('needs a seller with a store', async () => {
    expect((await app.inject({ url: '/api/v1/seller/products' })).statusCode).toBe(401);
    const customer = await registerUser(app, { role: 'customer' });
    const asCustomer = await app.inject({ url: '/api/v1/seller/products', headers: bearer(customer) });
    expect(asCustomer.statusCode).toBe(403);
  });
});

describe('seller edits sent with an Idempotency-Key', () => {
  it('are applied once: a repeat gets the first answer, not a conflict with itself', async () => {
    const { seller, store } = await makeStore(app);
    const product = await makeProduct(app, seller);
    const first = await patch(seller, product.id, { version: 1, is_available: false }, 'edit-0000001');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, is_available: false });
    const again = await patch(seller, product.id, { version: 1, is_available: false }, 'edit-0000001');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await sellerPage(seller)).items[0]).toMatchObject({ version: 2, is_available: false });
    // The customers' cached page follows the edit.
    const shelf = (await app.inject({ url: `/api/v1/stores/${store.id}/products` })).json() as Page;
    expect(shelf.items[0]).toMatchObject({ is_available: false });
  });

  it('answer a stale version with 409 and the product as it is now, and keep the key free for a retry', async () => {
    const { seller } = await makeStore(app);
    const product = await makeProduct(app, seller);
    await patch(seller, product.id, { version: 1, price_paise: 11_000 });
    const stale = await patch(seller, product.id, { version: 1, stock: 3 }, 'edit-0000002');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'CONFLICT',
      details: { current: { id: product.id, version: 2, price_paise: 11_000, stock: 10 } },
    });
    // Refused, so nothing was kept under the key: the seller's retry on the current version goes through.
    const retried = await patch(seller, product.id, { version: 2, stock: 3 }, 'edit-0000002');
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ version: 3, stock: 3, price_paise: 11_000 });
  });

  it('set stock in bulk once per key', async () => {
    const { seller } = await makeStore(app);
    const product = await makeProduct(app, seller);
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/seller/products/stock',
        headers: { ...bearer(seller), 'idempotency-key': 'stock-000001' },
        payload: { items: [{ id: product.id, stock: 4, version: 1 }] },
      });
    expect((await send()).json().items[0]).toMatchObject({ stock: 4, version: 2 });
    const replay = await send();
    expect(replay.statusCode).toBe(200);
    expect(replay.json().items[0]).toMatchObject({ stock: 4, version: 2 });
    expect((await sellerPage(seller)).items[0]).toMatchObject({ stock: 4, version: 2 });
  });
});
