import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressDir } from '../../../../scripts/compress-web.mjs';
import { makeTestApp, type TestApp } from '../../../test/app';

// A small web build laid out as Expo's: a hashed bundle, an image, the page and a tiny JSON file.
const bundlePath = '_expo/static/js/web/entry-0123456789abcdef.js';
const bundle = Array.from(
  { length: 2000 },
  (_, i) => `export const item${i} = { id: ${i}, name: "item ${i}" };\n`,
).join('');
const indexHtml = `<!DOCTYPE html><html><head><title>KupwaraCart</title><style>${'body { margin: 0 }\n'.repeat(40)}</style></head><body><div id="root"></div><script src="/customer/${bundlePath}" defer></script></body></html>`;
const png = randomBytes(3000);

let build: string;
let test: TestApp;
let base: string;

beforeAll(async () => {
  build = await mkdtemp(path.join(tmpdir(), 'kupwara-web-'));
  await mkdir(path.join(build, path.dirname(bundlePath)), { recursive: true });
  await mkdir(path.join(build, 'assets'));
  await writeFile(path.join(build, bundlePath), bundle);
  await writeFile(path.join(build, 'index.html'), indexHtml);
  await writeFile(path.join(build, 'assets', 'logo.png'), png);
  await writeFile(path.join(build, 'metadata.json'), '{"version":0}');
  await compressDir(build);
  test = await makeTestApp({}, { web: { apps: ['customer'], dir: () => build } });
  await test.app.listen({ host: '127.0.0.1', port: 0 });
  const address = test.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await test.app.close();
  await rm(build, { recursive: true, force: true });
});

/** A GET over a real socket, body as sent on the wire (undici's request does not decompress). */
async function get(url: string, headers: Record<string, string> = {}) {
  const res = await request(`${base}${url}`, { headers });
  return { status: res.statusCode, headers: res.headers, body: Buffer.from(await res.body.arrayBuffer()) };
}

/** The request headers an answer varies by, lower-cased (CORS adds Origin). */
const varies = (headers: Record<string, unknown>) =>
  String(headers.vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());

const decoders: Record<string, (body: Buffer) => Buffer> = {
  br: brotliDecompressSync,
  gzip: gunzipSync,
};

describe('the build step', () => {
  it('writes brotli and gzip beside text files that shrink, and nothing beside images or tiny files', async () => {
    const files = await readdir(build, { recursive: true });
    expect(files.filter((file) => /\.(br|gz)$/.test(file)).sort()).toEqual([
      `${bundlePath}.br`,
      `${bundlePath}.gz`,
      'index.html.br',
      'index.html.gz',
    ]);
    expect(brotliDecompressSync(await readFile(path.join(build, `${bundlePath}.br`))).toString()).toBe(bundle);
  });
});

describe('a web app', () => {
  it.each([
    ['br', 'gzip, deflate, br'],
    ['gzip', 'gzip, deflate'],
  ])('sends its bundle as the build’s %s file when the browser accepts it', async (encoding, accepted) => {
    const res = await get(`/customer/${bundlePath}`, { 'accept-encoding': accepted });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(varies(res.headers)).toContain('accept-encoding');
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const suffix = encoding === 'br' ? '.br' : '.gz';
    expect(res.body.equals(await readFile(path.join(build, bundlePath + suffix)))).toBe(true);
    expect(decoders[encoding]?.(res.body).toString()).toBe(bundle);
  });

  it('sends the bundle as it is to a browser that accepts neither, still varying by Accept-Encoding', async () => {
    const refusals: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'deflate' },
    ];
    for (const headers of refusals) {
      const res = await get(`/customer/${bundlePath}`, headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(varies(res.headers)).toContain('accept-encoding');
      expect(res.body.toString()).toBe(bundle);
    }
  });

  it('sends the page compressed at its root and at a deep link, never cached without asking', async () => {
    for (const url of ['/customer/', '/customer/orders/0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4e']) {
      const res = await get(url, { 'accept-encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(varies(res.headers)).toContain('accept-encoding');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      // The build's brotli 11 file, not one made per request.
      expect(res.body.equals(await readFile(path.join(build, 'index.html.br')))).toBe(true);
      expect(brotliDecompressSync(res.body).toString()).toBe(indexHtml);
      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      expect(gunzipSync(gzip.body).toString()).toBe(indexHtml);
      const plain = await get(url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(indexHtml);
    }
  });

  it('sends images as they are, and never a compressed file under its own name', async () => {
    const image = await get('/customer/assets/logo.png', { 'accept-encoding': 'gzip, br' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);
    // The name falls through to the app's router, which shows its own not-found page.
    const variant = await get(`/customer/${bundlePath}.br`);
    expect(variant.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(variant.body.toString()).toBe(indexHtml);
  });

  it('answers a revalidation with 304 and no body, and HEAD with the headers alone', async () => {
    const first = await get(`/customer/${bundlePath}`, { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    const again = await get(`/customer/${bundlePath}`, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await request(`${base}/customer/${bundlePath}`, {
      method: 'HEAD',
      headers: { 'accept-encoding': 'br' },
    });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Buffer.from(await head.body.arrayBuffer()).length).toBe(0);
  });
});

describe('the API', () => {
  it('compresses a large JSON answer as the client accepts, to the same document', async () => {
    const plain = await get('/docs/json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(10_000);
    for (const encoding of ['br', 'gzip']) {
      const res = await get('/docs/json', { 'accept-encoding': encoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(varies(res.headers)).toContain('accept-encoding');
      expect(res.body.length).toBeLessThan(plain.body.length / 4);
      expect(JSON.parse(decoders[encoding]?.(res.body).toString() ?? '')).toEqual(JSON.parse(plain.body.toString()));
    }
  });

  it('leaves a small answer and a small error as they are', async () => {
    const health = await get('/healthz', { 'accept-encoding': 'br, gzip' });
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString())).toMatchObject({ status: 'ok' });
    const missing = await get('/api/v1/orders/0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4e', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(401);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(missing.body.toString())).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('compresses /metrics for a scraper that accepts gzip', async () => {
    const res = await get('/metrics', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('sends uploaded media as they are, whole or a range of them', async () => {
    const dir = test.platform.mediaDir;
    if (!dir) throw new Error('the test app stores media on disk');
    const photo = randomBytes(5000);
    await writeFile(path.join(dir, 'photo.webp'), photo);
    const whole = await get('/media/photo.webp', { 'accept-encoding': 'br, gzip' });
    expect(whole.status).toBe(200);
    expect(whole.headers['content-encoding']).toBeUndefined();
    expect(whole.body.equals(photo)).toBe(true);
    const part = await get('/media/photo.webp', { 'accept-encoding': 'br, gzip', range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(part.headers['content-range']).toBe('bytes 100-199/5000');
    expect(part.body.equals(photo.subarray(100, 200))).toBe(true);
  });
});
