import { invalidField } from './http/errors';

/** Opaque page cursors: the sort key of the last row sent, base64url-encoded JSON. */
export const encodeCursor = (key: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/** The sort key in a cursor, checked against the shape the caller expects; a 400 for anything else. */
export function decodeCursor<T extends readonly ('string' | 'number')[]>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const fits =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((part, i) => typeof part === shape[i] && (typeof part !== 'number' || Number.isFinite(part)));
  if (!fits) throw invalidField('querystring.cursor', 'is not a cursor from this list');
  return key as { [K in keyof T]: T[K] extends 'number' ? number : string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id in a cursor of a list kept in time-ordered ids (newest first); a 400 for anything else. */
export function decodeIdCursor(cursor: string): string {
  const [id] = decodeCursor(cursor, ['string'] as const);
  if (!UUID.test(id)) throw invalidField('querystring.cursor', 'is not a cursor from this list');
  return id;
}
