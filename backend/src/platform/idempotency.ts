import { createHash } from 'node:crypto';
import { and, eq, lt, type SQLWrapper } from 'drizzle-orm';
import type { Db } from './db';
import { isTransientConflict } from './db-errors';
import { AppError } from './http/errors';
import { idempotencyKeys } from './tables';
import { executeAsOneStatement } from './together';

export interface IdempotentRequest {
  userId: string;
  /** Absent: the request runs once in a transaction with nothing remembered. */
  key: string | undefined;
  method: string;
  path: string;
  body: unknown;
}

/** What a request's `work` produced: its response, and the writes that finish its change (sent in one trip with the saved response). */
export interface WorkResult<T> {
  statusCode: number;
  body: T;
  writes?: readonly SQLWrapper[];
}

/** The response of an idempotent request: the first one made, or that one again for a replay. */
export interface IdempotentResponse<T> {
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
 * `work` throws, the claim rolls back with everything else and the key may be used again. A
 * deadlock (which the database breaks by rolling one side back) is retried.
 */
export async function runOnce<T>(
  db: Db,
  request: IdempotentRequest,
  work: (tx: Db) => Promise<WorkResult<T>>,
): Promise<IdempotentResponse<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once(db, request, work);
    } catch (error) {
      if (attempt >= 3 || !isTransientConflict(error)) throw error;
    }
  }
}

function once<T>(
  db: Db,
  request: IdempotentRequest,
  work: (tx: Db) => Promise<WorkResult<T>>,
): Promise<IdempotentResponse<T>> {
  return db.transaction(async (tx) => {
    const { userId, key } = request;
    if (key === undefined) {
      const { writes = [], ...answer } = await work(tx);
      if (writes.length > 0) await executeAsOneStatement(tx, writes);
      return { ...answer, replayed: false };
    }
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
    const { writes = [], ...answer } = await work(tx);
    const save = tx.update(idempotencyKeys).set({ statusCode: answer.statusCode, response: answer.body }).where(owned);
    await executeAsOneStatement(tx, [...writes, save]);
    return { ...answer, replayed: false };
  });
}

/** Answers are kept this long: longer than any phone stays offline with an action queued. */
export const ANSWER_RETENTION_MS = 7 * 24 * 3600_000;

/** Forgets the answers older than the retention; their keys may then be used again. */
export async function forgetOldAnswers(db: Db, now = new Date()): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - ANSWER_RETENTION_MS)));
}
