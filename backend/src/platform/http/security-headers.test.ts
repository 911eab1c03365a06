import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../../test/app';
import { contentSecurityPolicy } from './security-headers';

const APP_ORIGIN = 'http://localhost:8081';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await makeTestApp({ corsOrigins: [APP_ORIGIN] }));
});
afterAll(() => app.close());

const directives = (header: string | string[] | number | undefined) =>
  Object.fromEntries(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values]),
  );

describe('security headers', () => {
  it('are on every answer, API and pages alike', async () => {
    for (const url of ['/api/v1/stores?lat=34.5&lng=74.2', '/docs', '/nowhere']) {
      const res = await app.inject({ url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['x-powered-by'], url).toBeUndefined();
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['default-src'], url).toEqual(["'self'"]);
      expect(csp['script-src'], url).toEqual(["'self'"]);
      expect(csp['object-src'], url).toEqual(["'none'"]);
      expect(csp['frame-ancestors'], url).toEqual(["'self'"]);
    }
  });

  it('let the customer web app load the configured checkout script, its frames and its calls', () => {
    const fake = contentSecurityPolicy({
      checkoutUrl: 'http://127.0.0.1:4020/v1/checkout.js',
      mediaPublicUrl: undefined,
    });
    expect(fake['script-src']).toEqual(["'self'", 'http://127.0.0.1:4020']);
    expect(fake['connect-src']).toEqual(["'self'", 'http://127.0.0.1:4020']);
    const razorpay = contentSecurityPolicy({
      checkoutUrl: 'https://checkout.razorpay.com/v1/checkout.js',
      mediaPublicUrl: 'https://media.kupwaracart.in/photos',
    });
    expect(razorpay['script-src']).toEqual(["'self'", 'https://checkout.razorpay.com', 'https://*.razorpay.com']);
    expect(razorpay['frame-src']).toEqual(["'self'", 'https://checkout.razorpay.com', 'https://*.razorpay.com']);
    expect(razorpay['img-src']).toContain('https://media.kupwaracart.in');
  });
});

describe('CORS', () => {
  it('answers a configured origin, preflight included', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/orders',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
    const res = await app.inject({ url: '/api/v1/stores?lat=34.5&lng=74.2', headers: { origin: APP_ORIGIN } });
    expect(res.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(String(res.headers['access-control-expose-headers'])).toContain('retry-after');
  });

  it('gives any other origin, or none, no Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:8082', 'null']) {
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/api/v1/orders',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers['access-control-allow-origin'], origin).toBeUndefined();
      const res = await app.inject({ url: '/api/v1/stores?lat=34.5&lng=74.2', headers: { origin } });
      expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
    // A native app sends no Origin: it is answered as ever, with no CORS headers.
    const native = await app.inject({ url: '/api/v1/stores?lat=34.5&lng=74.2' });
    expect(native.statusCode).toBe(200);
    expect(native.headers['access-control-allow-origin']).toBeUndefined();
  });
});
