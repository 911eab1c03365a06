import { z } from 'zod';

/** Ids are UUIDv7 strings made by the server. */
export const id = z.uuid();

/** ISO-8601 UTC timestamp. */
export const timestamp = z.iso.datetime();

/** Route params of the form /things/:id. */
export const idParams = z.object({ id });

/** A free-text field: trimmed, not empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);
