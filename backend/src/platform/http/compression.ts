import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Text types worth compressing: JSON (problem+json too), text (not event streams, which must flush
 * event by event), XML and JavaScript. Unlike the plugin's default, not octet-stream: media and
 * anything else binary is compressed already or gains nothing.
 */
const compressibleTypes = /^text\/(?!event-stream)|[+/](?:json|xml|javascript)(?:;|$)/u;

/**
 * Compresses the API's answers of 1 KB or more with brotli or gzip, as the client accepts.
 * Brotli at quality 4 (of 11) and gzip at 6: on two cores CPU per request matters more than the
 * last bytes. Measured here on a 16 KB page of 60 products: brotli 4 gives 685 B in ~0.4 ms, gzip 6 949 B
 * in ~0.2 ms, while brotli 11 takes ~50 ms for a 20 KB answer. Web builds carry their
 * own brotli 11 files (scripts/compress-web.mjs), which this leaves alone as they carry a
 * Content-Encoding. Partial content (206) is never compressed. Request bodies are not inflated:
 * no client sends them compressed, and the request path stays as it was.
 */
export const compression = fp(async (app: FastifyInstance) => {
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: compressibleTypes,
    brotliOptions: {
      params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    },
    zlibOptions: { level: 6 },
    globalDecompression: false,
  });
});
