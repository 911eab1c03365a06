import { z } from 'zod';

/** Ids are UUIDv7 strings made by the server. */
export const id = z.uuid();

/** ISO-8601 UTC timestamp. */
export const timestamp = z.iso.datetime();

/** Route params of the form /things/:id. */
export const idParams = z.object({ id });

/** A free-text field: trimmed, not empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** PostgreSQL's `integer`: a larger count the database would refuse with a 500, so the contract refuses it first. */
export const MAX_INT4 = 2_147_483_647;

/** The version of a row the client last saw (optimistic concurrency): a positive `integer`. */
export const rowVersion = z.number().int().positive().max(MAX_INT4);
