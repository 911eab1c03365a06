import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../../test/app';
import { bearer, registerUser } from '../../../test/factories';
import { maxHeaderBytes, maxUrlLength } from './request-limits';

let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(() => app.close());

/** Sends raw bytes and reads the whole answer: what Node's own parser refuses never reaches inject(). */
function rawRequest(text: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      const status = Number(head.split(' ')[1]);
      try {
        resolve({ status, body: JSON.parse(body) });
      } catch (error) {
        reject(new Error(`not JSON after ${head}: ${body} (${(error as Error).message})`));
      }
    });
    socket.write(text);
  });
}

describe('request size limits', () => {
  it('refuse headers over the limit with 431 HEADERS_TOO_LARGE in the error contract', async () => {
    const big = 'a'.repeat(maxHeaderBytes);
    const res = await rawRequest(`GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Padding: ${big}\r\n\r\n`);
    expect(res).toEqual({
      status: 431,
      body: { error: { code: 'HEADERS_TOO_LARGE', message: `Headers can be up to ${maxHeaderBytes / 1024} kB` } },
    });
  });

  it('answer broken HTTP with 400 BAD_REQUEST in the error contract', async () => {
    const res = await rawRequest('BLAH\r\n\r\n');
    expect(res).toEqual({ status: 400, body: { error: { code: 'BAD_REQUEST', message: 'Malformed HTTP request' } } });
  });

  it('refuse a URL over the limit with 414 URL_TOO_LONG, while a long one under it is served', async () => {
    const cursor = (length: number) => `/api/v1/stores?lat=34.5&lng=74.2&pad=${'x'.repeat(length)}`;
    const over = await app.inject({ url: cursor(maxUrlLength) });
    expect(over.statusCode).toBe(414);
    expect(over.json()).toEqual({
      error: { code: 'URL_TOO_LONG', message: `URLs can be up to ${maxUrlLength} characters` },
    });
    const under = await app.inject({ url: cursor(maxUrlLength - 100) });
    expect(under.statusCode).not.toBe(414);
    expect(under.statusCode).toBeLessThan(500);
  });

  it('refuse a JSON body over 1 MiB on an API route with 413 PAYLOAD_TOO_LARGE', async () => {
    const customer = await registerUser(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/addresses',
      headers: bearer(customer),
      payload: { label: 'x'.repeat(1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
  });
});
