import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { invalidField } from './errors';

/** The dotted path of the first string (value or key) holding a NUL character, if any. */
function nulAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (key.includes('\u0000')) return at;
    const found = nulAt(item, at);
    if (found) return found;
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold the NUL character, so a string carrying one would reach the database
 * only to fail there as a 500. Refused at the door instead, for every route at once, naming the field.
 */
export const noNulCharacters = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const parts = { params: request.params, querystring: request.query, body: request.body };
    for (const [part, value] of Object.entries(parts)) {
      const field = nulAt(value, part);
      if (field) throw invalidField(field, 'must not contain the NUL character');
    }
  });
});
