import type { Role } from '@kupwara/shared';
import { and, eq, isNull, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { AppError } from '../platform/http/errors';
import { newId } from '../platform/ids';
import type { RevokedLogins } from './revoked-logins';
import { refreshTokens, users } from './tables';
import { hashRefreshToken, newRefreshToken, REFRESH_TOKEN_DAYS, type TokenSigner } from './tokens';

export interface IssuedTokens {
  access_token: string;
  access_token_expires_at: string;
  refresh_token: string;
  refresh_token_expires_at: string;
}

export interface SessionDeps {
  db: Db;
  signer: TokenSigner;
  revoked: RevokedLogins;
  /** How long after a refresh token was used presenting it again returns the same new pair. */
  reuseGraceMs: number;
}

const refreshLifetimeMs = REFRESH_TOKEN_DAYS * 24 * 60 * 60 * 1000;

interface Holder {
  id: string;
  role: Role;
}

async function accessToken(signer: TokenSigner, user: Holder, familyId: string, issuedAt: Date) {
  const access = await signer.sign({ id: user.id, role: user.role, sessionId: familyId }, issuedAt);
  return { access_token: access.token, access_token_expires_at: access.expiresAt.toISOString() };
}

async function issue(
  db: Db,
  signer: TokenSigner,
  user: Holder,
  familyId: string,
  refreshToken: string,
  now: Date,
): Promise<IssuedTokens> {
  const refreshExpiresAt = new Date(now.getTime() + refreshLifetimeMs);
  await db.insert(refreshTokens).values({
    id: newId(),
    userId: user.id,
    familyId,
    tokenHash: hashRefreshToken(refreshToken),
    expiresAt: refreshExpiresAt,
    createdAt: now,
  });
  return {
    ...(await accessToken(signer, user, familyId, now)),
    refresh_token: refreshToken,
    refresh_token_expires_at: refreshExpiresAt.toISOString(),
  };
}

/** A new session (refresh family) for a user who just proved who they are. */
export function startSession(
  { db, signer }: Pick<SessionDeps, 'db' | 'signer'>,
  user: Holder,
  now = new Date(),
): Promise<IssuedTokens> {
  return issue(db, signer, user, newId(), newRefreshToken(), now);
}

/**
 * The pair a used refresh token was traded for, again, while its successor is still unused: the
 * successor is derived from the used token's id, and the access token is signed with the same
 * claims at the same second (HS256 is deterministic), so the phone gets byte for byte what it lost.
 */
async function pairAgain(
  tx: Db,
  signer: TokenSigner,
  user: Holder,
  used: { id: string; familyId: string; usedAt: Date },
): Promise<IssuedTokens | undefined> {
  const refreshToken = signer.successorRefreshToken(used.id);
  const [successor] = await tx
    .select({ expiresAt: refreshTokens.expiresAt, usedAt: refreshTokens.usedAt, revokedAt: refreshTokens.revokedAt })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(refreshToken)));
  if (!successor || successor.usedAt || successor.revokedAt) return undefined;
  return {
    ...(await accessToken(signer, user, used.familyId, used.usedAt)),
    refresh_token: refreshToken,
    refresh_token_expires_at: successor.expiresAt.toISOString(),
  };
}

const invalidRefresh = () => new AppError(401, 'UNAUTHENTICATED', 'Refresh token is not valid: log in again');

/**
 * Trades a refresh token for a new pair. The presented token is used up. A phone that lost the
 * answer retries with the same token: within the grace after its first use, and while the new
 * token has not been used itself, it gets the same pair again (one login, not two). Any other
 * reuse revokes the whole family, since one of the two holders must be a thief.
 */
export async function rotateSession(
  { db, signer, revoked, reuseGraceMs }: SessionDeps,
  presented: string,
  now = new Date(),
) {
  // The row lock makes two refreshes with the same token take turns: the second sees it used and
  // gets the first one's pair, so a double tap never forks the login.
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ token: refreshTokens, role: users.role })
      .from(refreshTokens)
      .innerJoin(users, eq(users.id, refreshTokens.userId))
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(presented)))
      .for('update', { of: refreshTokens });
    if (!row || row.token.revokedAt || row.token.expiresAt <= now) return { ok: false as const, revoked: [] };
    const { id, familyId, userId, usedAt } = row.token;
    const user = { id: userId, role: row.role };
    if (usedAt) {
      const retried =
        now.getTime() - usedAt.getTime() <= reuseGraceMs
          ? await pairAgain(tx, signer, user, { id, familyId, usedAt })
          : undefined;
      if (retried) return { ok: true as const, tokens: retried, userId };
      return { ok: false as const, revoked: await revokeFamilies(tx, eq(refreshTokens.familyId, familyId), now) };
    }
    await tx.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, id));
    const tokens = await issue(tx, signer, user, familyId, signer.successorRefreshToken(id), now);
    return { ok: true as const, tokens, userId };
  });
  // After the transaction, so that a revocation for reuse is committed, not rolled back, before
  // its access tokens are refused.
  if (!outcome.ok) {
    await revoked.revoke(outcome.revoked);
    throw invalidRefresh();
  }
  return outcome;
}

/** Logout: ends the session the refresh token belongs to. Unknown tokens are ignored. */
export async function endSession(
  { db, revoked }: Pick<SessionDeps, 'db' | 'revoked'>,
  presented: string,
  now = new Date(),
): Promise<{ userId: string; sessionId: string } | undefined> {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId, userId: refreshTokens.userId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(presented)));
  if (!row) return undefined;
  await revokeFamilies(db, eq(refreshTokens.familyId, row.familyId), now);
  // Even when it was revoked already: a logout retried after the cache lost the first is refused again.
  await revoked.revoke([row.familyId]);
  return { userId: row.userId, sessionId: row.familyId };
}

/**
 * After a password change: every session of the user ends except the one that made the change.
 * Returns the sessions ended, for the caller to deny once its transaction is committed.
 */
export function endOtherSessions(db: Db, userId: string, keepSessionId: string, now = new Date()) {
  return revokeFamilies(db, and(eq(refreshTokens.userId, userId), ne(refreshTokens.familyId, keepSessionId)), now);
}

/** Revokes what is not revoked yet; returns the families (sessions) that had any such token. */
async function revokeFamilies(db: Db, which: SQL | undefined, now: Date): Promise<string[]> {
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(which, isNull(refreshTokens.revokedAt)))
    .returning({ familyId: refreshTokens.familyId });
  return [...new Set(rows.map((row) => row.familyId))];
}
