import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorBody, ErrorCode } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from './errors';

/**
 * A JSON body's limit. The largest an app sends is a rider's buffered batch of 500 positions
 * (about 75 kB); photos are multipart, limited by `maxUploadBytes` on their own routes.
 */
export const bodyLimitBytes = 1024 * 1024;

/** Request line plus headers (Node's own default, said here so a test can hold it to it). */
export const maxHeaderBytes = 16 * 1024;

/** No route takes more than a few ids and a cursor in its URL. */
export const maxUrlLength = 4096;

const raw = (status: number, code: ErrorCode, message: string) => {
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`;
};

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers too large, broken
 * HTTP) is answered in the error contract too, and the connection closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    if (error.code === 'HPE_HEADER_OVERFLOW')
      socket.write(raw(431, 'HEADERS_TOO_LARGE', `Headers can be up to ${maxHeaderBytes / 1024} kB`));
    else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
      socket.write(raw(408, 'BAD_REQUEST', 'The request took too long'));
    else socket.write(raw(400, 'BAD_REQUEST', 'Malformed HTTP request'));
  }
  socket.destroy(error);
}

/** Refuses an over-long URL before anything else looks at it. */
export const urlLimit = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (request) => {
    if (request.url.length > maxUrlLength)
      throw new AppError(414, 'URL_TOO_LONG', `URLs can be up to ${maxUrlLength} characters`);
  });
});
