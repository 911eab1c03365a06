import type { Role } from '@kupwara/shared';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { AppError } from '../platform/http/errors';
import { newId } from '../platform/ids';
import { refreshTokens, users } from './tables';
import { hashRefreshToken, newRefreshToken, REFRESH_TOKEN_DAYS, type TokenSigner } from './tokens';

export interface IssuedTokens {
  access_token: string;
  access_token_expires_at: string;
  refresh_token: string;
  refresh_token_expires_at: string;
}

const refreshLifetimeMs = REFRESH_TOKEN_DAYS * 24 * 60 * 60 * 1000;

async function issue(
  db: Db,
  signer: TokenSigner,
  user: { id: string; role: Role },
  familyId: string,
  now: Date,
): Promise<IssuedTokens> {
  const refreshToken = newRefreshToken();
  const refreshExpiresAt = new Date(now.getTime() + refreshLifetimeMs);
  await db.insert(refreshTokens).values({
    id: newId(),
    userId: user.id,
    familyId,
    tokenHash: hashRefreshToken(refreshToken),
    expiresAt: refreshExpiresAt,
    createdAt: now,
  });
  const access = await signer.sign({ id: user.id, role: user.role, sessionId: familyId }, now);
  return {
    access_token: access.token,
    access_token_expires_at: access.expiresAt.toISOString(),
    refresh_token: refreshToken,
    refresh_token_expires_at: refreshExpiresAt.toISOString(),
  };
}

/** A new session (refresh family) for a user who just proved who they are. */
export function startSession(db: Db, signer: TokenSigner, user: { id: string; role: Role }, now = new Date()) {
  return issue(db, signer, user, newId(), now);
}

const invalidRefresh = () => new AppError(401, 'UNAUTHENTICATED', 'Refresh token is not valid: log in again');

/**
 * Trades a refresh token for a new pair. The presented token is used up; presenting it again
 * later revokes its whole family, since one of the two holders must be a thief.
 */
export async function rotateSession(db: Db, signer: TokenSigner, presented: string, now = new Date()) {
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ token: refreshTokens, role: users.role })
      .from(refreshTokens)
      .innerJoin(users, eq(users.id, refreshTokens.userId))
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(presented)))
      .for('update', { of: refreshTokens });
    if (!row || row.token.revokedAt || row.token.expiresAt <= now) return { ok: false as const };
    if (row.token.usedAt) {
      await revokeFamilies(tx, eq(refreshTokens.familyId, row.token.familyId), now);
      return { ok: false as const };
    }
    await tx.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, row.token.id));
    const tokens = await issue(tx, signer, { id: row.token.userId, role: row.role }, row.token.familyId, now);
    return { ok: true as const, tokens, userId: row.token.userId };
  });
  // Thrown after the transaction so that a revocation for reuse is committed, not rolled back.
  if (!outcome.ok) throw invalidRefresh();
  return outcome;
}

/** Logout: ends the session the refresh token belongs to. Unknown tokens are ignored. */
export async function endSession(
  db: Db,
  presented: string,
  now = new Date(),
): Promise<{ userId: string; sessionId: string } | undefined> {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId, userId: refreshTokens.userId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(presented)));
  if (!row) return undefined;
  await revokeFamilies(db, eq(refreshTokens.familyId, row.familyId), now);
  return { userId: row.userId, sessionId: row.familyId };
}

/** After a password change: every session of the user ends except the one that made the change. */
export function endOtherSessions(db: Db, userId: string, keepSessionId: string, now = new Date()) {
  return revokeFamilies(db, and(eq(refreshTokens.userId, userId), ne(refreshTokens.familyId, keepSessionId)), now);
}

function revokeFamilies(db: Db, which: ReturnType<typeof eq> | undefined, now: Date) {
  return db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(which, isNull(refreshTokens.revokedAt)));
}
