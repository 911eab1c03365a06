import { type AnyColumn, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';

/** A new id: UUIDv7, so ids sort by creation time and index well. */
export const newId = (): string => uuidv7();

/**
 * `column = ANY($1::uuid[])`: one parameter for any number of ids, where `inArray` would build one
 * placeholder per id (slow to build, and capped at 65,535).
 */
export const anyId = (column: AnyColumn, ids: readonly string[]) =>
  sql`${column} = ANY(${`{${ids.join(',')}}`}::uuid[])`;
