import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Bus } from '../platform/bus';
import type { Cache } from '../platform/cache';
import type { Db } from '../platform/db';
import { refreshTokens } from './tables';
import { ACCESS_TOKEN_SECONDS } from './tokens';

/**
 * Logins (sessions, refresh families) that were ended: logged out, revoked for a reused refresh
 * token, or ended by a password change. Their access tokens stop working at once rather than when
 * they expire. An entry lives as long as an access token does: after that every token of the login
 * has expired anyway.
 */
export interface RevokedLogins {
  /** Call once the revocation is committed: every process refuses the logins' tokens from now on. */
  revoke(sessionIds: readonly string[]): Promise<void>;
  /** Whether the login was ended: one cache read (the database only when the cache fails). */
  isRevoked(sessionId: string): Promise<boolean>;
}

/** The bus channel on which ended logins are announced, for the sockets signed in with them. */
const LOGINS_REVOKED_CHANNEL = 'accounts:logins-revoked';

const loginsRevoked = z.object({ type: z.literal('logins_revoked'), session_ids: z.array(z.string()) });

const cacheKey = (sessionId: string) => `revoked-login:${sessionId}`;

const uuid = z.uuid();

/** What the API answers a token of an ended login, on HTTP and on the socket. */
export const LOGIN_ENDED = 'This login has ended: log in again';

export function createRevokedLogins({ db, cache, bus }: { db: Db; cache: Cache; bus: Bus }): RevokedLogins {
  // The logins this process ended, until their tokens expire, kept beside the cache: an LRU memory
  // cache full of catalogue pages could evict an entry, and a Redis restarted empty forgets them.
  // Entries share one lifetime, so the oldest come first and expire first.
  const endedHere = new Map<string, number>();
  const remember = (sessionIds: readonly string[]) => {
    const now = Date.now();
    for (const [id, until] of endedHere) {
      if (until > now) break;
      endedHere.delete(id);
    }
    for (const id of sessionIds) {
      endedHere.delete(id);
      endedHere.set(id, now + ACCESS_TOKEN_SECONDS * 1000);
    }
  };
  const endedHereStill = (sessionId: string) => (endedHere.get(sessionId) ?? 0) > Date.now();

  return {
    async revoke(sessionIds) {
      if (sessionIds.length === 0) return;
      remember(sessionIds);
      // The revocation is already in the database, so failures here are not the caller's to answer:
      // while the cache is down isRevoked asks the database, and a lost announcement leaves a socket
      // signed in until its token expires, which is what happened before the deny-list existed.
      await Promise.allSettled(sessionIds.map((id) => cache.set(cacheKey(id), true, ACCESS_TOKEN_SECONDS)));
      // Announced after the deny is stored: a socket signing in as it is heard is refused either way.
      await bus
        .publish(LOGINS_REVOKED_CHANNEL, { type: 'logins_revoked', session_ids: sessionIds })
        .catch(() => undefined);
    },
    async isRevoked(sessionId) {
      if (endedHereStill(sessionId)) return true;
      try {
        return (await cache.getStrict<boolean>(cacheKey(sessionId))) === true;
      } catch {
        // A cache that cannot answer must not read as "not revoked": a logged-out or stolen login
        // would work again for as long as the cache is down. The database knows; it costs a query.
        return isRevokedInDatabase(db, sessionId);
      }
    },
  };
}

/** A login is live while one of its refresh tokens is not revoked; one we never issued is not live. */
async function isRevokedInDatabase(db: Db, sessionId: string): Promise<boolean> {
  if (!uuid.safeParse(sessionId).success) return true;
  const [live] = await db
    .select({ id: refreshTokens.id })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.familyId, sessionId), isNull(refreshTokens.revokedAt)))
    .limit(1);
  return !live;
}

/** Hears the logins ended in any process; resolves once listening, and the result stops it. */
export const hearRevokedLogins = (bus: Bus, handler: (sessionIds: readonly string[]) => void) =>
  bus.subscribe(LOGINS_REVOKED_CHANNEL, (raw) => {
    const parsed = loginsRevoked.safeParse(raw);
    if (parsed.success) handler(parsed.data.session_ids);
  });
