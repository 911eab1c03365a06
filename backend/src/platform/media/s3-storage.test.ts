import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../../test/app';
import { bearer, makeProduct, makeStore } from '../../../test/factories';
import { sha256Hex, signS3Request } from './s3-signature';

// A stand-in for an S3-compatible bucket on 127.0.0.1: it checks each PUT's SigV4 signature and
// payload hash the way S3 does, and keeps the objects.
const credentials = { accessKeyId: 'KUPWARATEST', secretAccessKey: 'fake-secret-for-tests', region: 'ap-south-1' };
const objects = new Map<string, { body: Buffer; headers: IncomingMessage['headers'] }>();
let s3: Server;
let endpoint: string;

function startFakeS3() {
  return new Promise<void>((resolve) => {
    s3 = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const amzDate = String(req.headers['x-amz-date']);
      const now = new Date(
        `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
      );
      const signed =
        String(req.headers.authorization)
          .match(/SignedHeaders=([^,]+)/)?.[1]
          ?.split(';') ?? [];
      const headers = Object.fromEntries(
        signed
          .filter((h) => !['host', 'x-amz-date', 'x-amz-content-sha256'].includes(h))
          .map((h) => [h, String(req.headers[h])]),
      );
      const expected = signS3Request(
        {
          method: req.method ?? '',
          url: new URL(`http://${req.headers.host}${req.url}`),
          headers,
          payloadSha256: sha256Hex(body),
          now,
        },
        credentials,
      );
      const hashOk = req.headers['x-amz-content-sha256'] === sha256Hex(body);
      if (req.method !== 'PUT' || !hashOk || expected.authorization !== req.headers.authorization) {
        res
          .writeHead(403, { 'content-type': 'application/xml' })
          .end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
        return;
      }
      objects.set(req.url ?? '', { body, headers: req.headers });
      res.writeHead(200, { etag: `"${sha256Hex(body).slice(0, 32)}"` }).end();
    });
    s3.listen(0, '127.0.0.1', () => {
      endpoint = `http://127.0.0.1:${(s3.address() as AddressInfo).port}`;
      resolve();
    });
  });
}

const photo = () =>
  sharp({ create: { width: 1000, height: 500, channels: 3, background: '#C96A00' } })
    .jpeg()
    .toBuffer();

function upload(app: FastifyInstance, who: { access_token: string }, productId: string, file: Buffer) {
  const boundary = 'xyz';
  return app.inject({
    method: 'POST',
    url: `/api/v1/seller/products/${productId}/images`,
    headers: { ...bearer(who), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

describe('images in an S3-compatible bucket', () => {
  const apps: FastifyInstance[] = [];
  beforeAll(startFakeS3);
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    s3.close();
  });

  const appWith = async (secretAccessKey: string) => {
    const { app } = await makeTestApp(
      {},
      {
        mediaS3: {
          endpoint,
          bucket: 'kupwara-media',
          ...credentials,
          secretAccessKey,
          publicUrl: 'https://media.kupwara.test',
        },
      },
    );
    apps.push(app);
    return app;
  };

  it('are signed PUTs of immutable WebP objects, listed at the public URL', async () => {
    const app = await appWith(credentials.secretAccessKey);
    const { seller } = await makeStore(app);
    const product = await makeProduct(app, seller);
    const res = await upload(app, seller, product.id, await photo());
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json().images[0];
    expect(image.variants.map((v: { url: string }) => v.url)).toEqual(
      [160, 480, 960].map((w) => `https://media.kupwara.test/products/${image.id}-${w}.webp`),
    );
    for (const width of [160, 480, 960]) {
      const stored = objects.get(`/kupwara-media/products/${image.id}-${width}.webp`);
      expect(stored?.headers['content-type']).toBe('image/webp');
      expect(stored?.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await sharp(stored?.body).metadata()).width).toBe(width);
    }
  });

  it('refused by the bucket leave the product as it was', async () => {
    const app = await appWith('the wrong secret');
    const { seller, store } = await makeStore(app);
    const product = await makeProduct(app, seller);
    const res = await upload(app, seller, product.id, await photo());
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    const page = await app.inject({ url: `/api/v1/stores/${store.id}/products` });
    expect(page.json().items[0]).toMatchObject({ id: product.id, images: [], version: 1 });
  });
});
