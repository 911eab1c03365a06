import { errorBody } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeTestApp } from '../test/app';
import { AppError } from './platform/http/errors';
import type { Platform } from './platform/platform';

let app: FastifyInstance;
let platform: Platform;

beforeAll(async () => {
  ({ app, platform } = await makeTestApp());
  // Routes that exercise the error contract the way module routes will.
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post(
    '/test/echo/:id',
    {
      schema: {
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        body: z.object({ name: z.string().min(1).max(80), quantity: z.number().int().positive() }),
        response: { 200: z.object({ id: z.string(), name: z.string(), limit: z.number() }) },
      },
    },
    async (request) => ({ id: request.params.id, name: request.body.name, limit: request.query.limit }),
  );
  routes.get('/test/conflict', async () => {
    throw new AppError(409, 'CONFLICT', 'Product changed since you saw it', { current: { version: 3 } });
  });
  routes.get('/test/crash', async () => {
    throw new Error('connection to database lost at /srv/secret/path.ts:12');
  });
  routes.get(
    '/test/bad-response',
    { schema: { response: { 200: z.object({ total: z.number() }) } } },
    async () => ({ total: 'lots' }) as unknown as { total: number },
  );
  await app.ready();
});

afterAll(() => app.close());

const id = '0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4e';

describe('error contract', () => {
  it('answers a valid request', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/test/echo/${id}?limit=5`,
      payload: { name: 'Wazwan', quantity: 2 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id, name: 'Wazwan', limit: 5 });
  });

  it('names every failing field of a bad body with 400 VALIDATION_FAILED', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/test/echo/${id}`,
      payload: { name: 42, quantity: -1 },
    });
    expect(res.statusCode).toBe(400);
    const { error } = errorBody.parse(res.json());
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Invalid body.name, body.quantity');
    expect((error.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
      'body.name',
      'body.quantity',
    ]);
  });

  it('names bad params and query strings too', async () => {
    const params = await app.inject({
      method: 'POST',
      url: '/test/echo/not-a-uuid',
      payload: { name: 'a', quantity: 1 },
    });
    expect(params.statusCode).toBe(400);
    expect(params.json().error.details.fields[0].field).toBe('params.id');
    const query = await app.inject({
      method: 'POST',
      url: `/test/echo/${id}?limit=1000`,
      payload: { name: 'a', quantity: 1 },
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details.fields[0].field).toBe('querystring.limit');
  });

  it('answers malformed JSON with 400 BAD_REQUEST and a wrong content type with 415', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: `/test/echo/${id}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "unterminated',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('BAD_REQUEST');
    const wrongType = await app.inject({
      method: 'POST',
      url: `/test/echo/${id}`,
      headers: { 'content-type': 'application/x-kupwara' },
      payload: 'name=a',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body over 1 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/test/echo/${id}`,
      payload: { name: 'x'.repeat(1024 * 1024 + 1), quantity: 1 },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('passes an AppError through with its status, code and details', async () => {
    const res = await app.inject({ url: '/test/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: { code: 'CONFLICT', message: 'Product changed since you saw it', details: { current: { version: 3 } } },
    });
  });

  it('hides what went wrong inside behind 500 INTERNAL', async () => {
    for (const url of ['/test/crash', '/test/bad-response']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } });
      expect(res.body).not.toMatch(/secret|stack|\.ts/);
    }
  });

  it('refuses the NUL character (which PostgreSQL text cannot hold) anywhere in params, query or body', async () => {
    const cases = [
      { url: `/test/echo/${id}`, payload: { name: 'Waz\u0000wan', quantity: 2 }, field: 'body.name' },
      { url: `/test/echo/${id}?limit=%00`, payload: { name: 'Wazwan', quantity: 2 }, field: 'querystring.limit' },
      { url: '/test/echo/%00', payload: { name: 'Wazwan', quantity: 2 }, field: 'params.id' },
    ];
    for (const { url, payload, field } of cases) {
      const res = await app.inject({ method: 'POST', url, payload });
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: `Invalid ${field}`,
          details: { fields: [{ field, message: 'must not contain the NUL character' }] },
        },
      });
    }
  });

  it('answers a URL whose escapes are not UTF-8, or with an over-long parameter, in the same shape', async () => {
    const badEscape = await app.inject({
      method: 'POST',
      url: '/test/echo/%ED%A0%80',
      payload: { name: 'a', quantity: 1 },
    });
    expect(badEscape.statusCode).toBe(400);
    expect(badEscape.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: 'The URL is malformed: a percent-escape in it is not UTF-8' },
    });
    const long = await app.inject({
      method: 'POST',
      url: `/test/echo/${'a'.repeat(500)}`,
      payload: { name: 'a', quantity: 1 },
    });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({ error: { code: 'URL_TOO_LONG', message: 'A part of the URL is too long' } });
  });

  it('answers an unknown route with 404 NOT_FOUND in the same shape', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/v1/nothing/here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route DELETE /api/v1/nothing/here' } });
  });
});

describe('request ids', () => {
  it('echoes a well-formed x-request-id and makes one up otherwise', async () => {
    const given = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'phone-42.retry-1' } });
    expect(given.headers['x-request-id']).toBe('phone-42.retry-1');
    const hostile = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'a b\u202e<script>' } });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const none = await app.inject({ url: '/healthz' });
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.headers['x-request-id']).not.toBe(hostile.headers['x-request-id']);
  });
});

describe('operations endpoints', () => {
  it('/healthz says the process is up', async () => {
    const res = await app.inject({ url: '/healthz' });
    expect([res.statusCode, res.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('/readyz checks the database and Redis', async () => {
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      checks: { database: 'ok', redis: process.env.REDIS_URL ? 'ok' : 'disabled' },
    });
  });

  it('/metrics has a latency histogram by route pattern, not by raw URL', async () => {
    await app.inject({ method: 'POST', url: `/test/echo/${id}`, payload: { name: 'a', quantity: 1 } });
    const res = await app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain(
      'http_request_duration_seconds_count{method="POST",route="/test/echo/:id",status_code="200"}',
    );
    expect(res.body).not.toContain(id);
    expect(res.body).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('/metrics has the event loop delay since the last scrape: p50, p99 and max in seconds', async () => {
    await app.inject({ url: '/metrics' });
    const res = await app.inject({ url: '/metrics' });
    for (const name of ['p50', 'p99', 'max']) {
      expect(res.body).toMatch(new RegExp(`^nodejs_eventloop_lag_${name}_seconds \\d+(\\.\\d+)?(e-?\\d+)?$`, 'm'));
    }
  });

  it('/docs serves the OpenAPI document generated from the zod schemas', async () => {
    const res = await app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    const echo = spec.paths['/test/echo/{id}'].post;
    expect(echo.requestBody.content['application/json'].schema.required).toEqual(['name', 'quantity']);
    // Health checks are for the platform's load balancer, not for clients of the API.
    expect([spec.paths['/healthz'], spec.paths['/readyz']]).toEqual([undefined, undefined]);
    const ui = await app.inject({ url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-ui');
  });
});

describe('when the database is down', () => {
  it('/readyz answers 503 naming the failing check while /healthz stays up', async () => {
    const broken = await makeTestApp();
    await broken.platform.database.close();
    const ready = await broken.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.database).toBe('failing');
    expect(ready.json().status).toBe('unavailable');
    expect((await broken.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    broken.platform.database.close = async () => {};
    await broken.app.close();
  });
});

it('uses the platform it was given', () => {
  expect(platform.database.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
});
