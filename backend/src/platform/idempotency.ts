import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from './db';
import { AppError } from './http/errors';
import { idempotencyKeys } from './tables';

export interface IdempotentRequest {
  userId: string;
  /** Absent: the request runs once in a transaction with nothing remembered. */
  key: string | undefined;
  method: string;
  path: string;
  body: unknown;
}

export interface StoredAnswer<T> {
  statusCode: number;
  body: T;
  /** True when this is the first answer returned again. */
  replayed: boolean;
}

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const requestHash = ({ method, path, body }: IdempotentRequest) =>
  createHash('sha256')
    .update(`${method} ${path}\n${canonical(body)}`)
    .digest('base64url');

/**
 * Runs `work` in a transaction at most once per (user, key). The key is claimed first: a second
 * request with the same key waits on that row until the first commits, then gets its answer. If
 * `work` throws, the claim rolls back with everything else and the key may be used again.
 */
export async function runOnce<T>(
  db: Db,
  request: IdempotentRequest,
  work: (tx: Db) => Promise<{ statusCode: number; body: T }>,
): Promise<StoredAnswer<T>> {
  return db.transaction(async (tx) => {
    const { userId, key } = request;
    if (key === undefined) return { ...(await work(tx)), replayed: false };
    const hash = requestHash(request);
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ userId, key, requestHash: hash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    const owned = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
    if (claimed.length === 0) {
      const [first] = await tx.select().from(idempotencyKeys).where(owned);
      if (!first || first.requestHash !== hash || first.statusCode === null) {
        throw new AppError(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used for a different request: make a new key for a new action',
        );
      }
      return { statusCode: first.statusCode, body: first.response as T, replayed: true };
    }
    const answer = await work(tx);
    await tx.update(idempotencyKeys).set({ statusCode: answer.statusCode, response: answer.body }).where(owned);
    return { ...answer, replayed: false };
  });
}
