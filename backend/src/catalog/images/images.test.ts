import { randomBytes } from 'node:crypto';
import type { Product } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../../test/app';
import { bearer, makeProduct, makeStore } from '../../../test/factories';

let app: FastifyInstance;
let seller: { access_token: string };
let storeId: string;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  ({
    seller,
    store: { id: storeId },
  } = await makeStore(app));
});
afterAll(() => app.close());

const photo = (width: number, height: number, format: 'jpeg' | 'png' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: { r: 201, g: 106, b: 0 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="50%" cy="50%" r="30%" fill="#0B5D3B"/></svg>`,
        ),
      },
    ])
    [format]()
    .toBuffer();

function upload(
  productId: string,
  file: Buffer,
  { who = seller, field = 'image', type = 'image/jpeg', url = '' } = {},
) {
  const boundary = '----kupwara';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="photo"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: url || `/api/v1/seller/products/${productId}/images`,
    headers: { ...bearer(who), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

const catalogProduct = async (id: string) =>
  ((await app.inject({ url: `/api/v1/stores/${storeId}/products` })).json().items as Product[]).find(
    (p) => p.id === id,
  );

describe('product photos', () => {
  it('become WebP at 160, 480 and 960 px, served for good from /media', async () => {
    const product = await makeProduct(app, seller, { name: 'Walnuts' });
    const res = await upload(product.id, await photo(2000, 1500));
    expect(res.statusCode, res.body).toBe(201);
    const [image] = (res.json() as Product).images;
    expect(image?.variants.map((v) => [v.width, v.height])).toEqual([
      [160, 120],
      [480, 360],
      [960, 720],
    ]);
    expect(image?.variants.map((v) => v.url)).toEqual(
      [160, 480, 960].map((w) => `/media/products/${image?.id}-${w}.webp`),
    );
    expect(image?.src).toBe(`/media/products/${image?.id}-480.webp`);
    expect(image?.srcset).toBe(image?.variants.map((v) => `${v.url} ${v.width}w`).join(', '));
    expect(res.json().version).toBe(2);

    const file = await app.inject({ url: image?.src ?? '' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/webp');
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(await sharp(file.rawPayload).metadata()).toMatchObject({ format: 'webp', width: 480, height: 360 });
    expect((await catalogProduct(product.id))?.images).toEqual([image]);
  });

  it('are never enlarged, and the same photo twice is kept once', async () => {
    const product = await makeProduct(app, seller, { name: 'Saffron' });
    const small = await photo(300, 200, 'png');
    const first = await upload(product.id, small, { type: 'image/png' });
    expect(first.json().images[0].variants.map((v: { width: number }) => v.width)).toEqual([160]);
    const again = await upload(product.id, small, { type: 'image/png' });
    expect(again.json().images).toHaveLength(1);
  });

  it('refuse a file that is not an image with 400, changing nothing', async () => {
    const product = await makeProduct(app, seller, { name: 'Kahwa' });
    const res = await upload(product.id, Buffer.from('%PDF-1.4 not a photo at all'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'is not an image we can read (send JPEG, PNG or WebP)',
      details: { fields: [{ field: 'image', message: 'is not an image we can read (send JPEG, PNG or WebP)' }] },
    });
    expect(await catalogProduct(product.id)).toMatchObject({ images: [], version: 1 });
  });

  it('refuse a file over 8 MB with 413, changing nothing', async () => {
    const product = await makeProduct(app, seller, { name: 'Big' });
    const res = await upload(product.id, randomBytes(8 * 1024 * 1024 + 10));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await catalogProduct(product.id)).toMatchObject({ images: [], version: 1 });
  });

  it('need the file in a field named image, sent as multipart', async () => {
    const product = await makeProduct(app, seller, { name: 'Field' });
    expect((await upload(product.id, await photo(200, 200), { field: 'photo' })).statusCode).toBe(400);
    const json = await app.inject({
      method: 'POST',
      url: `/api/v1/seller/products/${product.id}/images`,
      headers: bearer(seller),
      payload: { image: 'base64...' },
    });
    expect(json.statusCode).toBe(415);
  });

  it('answer a cut or malformed multipart body with 400, changing nothing', async () => {
    const product = await makeProduct(app, seller, { name: 'Cut' });
    for (const payload of ['--fuzz', '--fuzz\r\n\r\n', '--fuzz\r\nContent-Disposition: x']) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/seller/products/${product.id}/images`,
        headers: { ...bearer(seller), 'content-type': 'multipart/form-data; boundary=fuzz' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json()).toEqual({
        error: { code: 'BAD_REQUEST', message: 'The upload is not a well-formed multipart/form-data body' },
      });
    }
    expect(await catalogProduct(product.id)).toMatchObject({ images: [], version: 1 });
  });

  it('of another seller’s product are refused with 404', async () => {
    const product = await makeProduct(app, seller, { name: 'Mine' });
    const other = await makeStore(app);
    const res = await upload(product.id, await photo(200, 200), { who: other.seller });
    expect(res.statusCode).toBe(404);
    expect(await catalogProduct(product.id)).toMatchObject({ images: [] });
  });

  it('set a store’s logo and cover, seen at once in its details and in nearby lists', async () => {
    const shop = await makeStore(app, { location: { lat: 12.5, lng: 76.5 } });
    const logo = await upload('', await photo(600, 600), {
      who: shop.seller,
      url: '/api/v1/seller/store/images?kind=logo',
    });
    expect(logo.statusCode, logo.body).toBe(201);
    expect(logo.json().logo.variants.map((v: { width: number }) => v.width)).toEqual([160, 480]);
    expect(logo.json().cover).toBeNull();
    const details = await app.inject({ url: `/api/v1/stores/${shop.store.id}` });
    expect(details.json().logo).toEqual(logo.json().logo);
    const nearby = await app.inject({ url: '/api/v1/stores?lat=12.5&lng=76.5' });
    expect(nearby.json().items[0].logo).toEqual(logo.json().logo);
    const wrongKind = await upload('', await photo(600, 600), {
      who: shop.seller,
      url: '/api/v1/seller/store/images?kind=banner',
    });
    expect(wrongKind.statusCode).toBe(400);
  });
});
