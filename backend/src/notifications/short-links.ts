import { randomInt } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../platform/db';
import { notFound } from '../platform/http/errors';
import { shortLinks } from './tables';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CODE_LENGTH = 8;
/** Long enough to act on a text message, short enough that an old message opens nothing. */
export const SHORT_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** 8 random base62 characters: 62^8 ≈ 2·10^14 codes, not guessable one by one. */
export const newShortCode = () => Array.from({ length: CODE_LENGTH }, () => BASE62[randomInt(62)]).join('');

/** A link `/s/<code>` that leads to `path` (on this server) for a day. */
export async function createShortLink(db: Db, path: string, now = new Date()): Promise<string> {
  const expiresAt = new Date(now.getTime() + SHORT_LINK_TTL_MS);
  // A repeated code is astronomically rare; another draw settles it rather than an error.
  for (let tries = 0; tries < 3; tries += 1) {
    const code = newShortCode();
    const [made] = await db
      .insert(shortLinks)
      .values({ code, path, createdAt: now, expiresAt })
      .onConflictDoNothing()
      .returning({ code: shortLinks.code });
    if (made) return made.code;
  }
  throw new Error('could not draw a free short link code');
}

/** Where a short link leads, while it has not expired. */
export async function shortLinkPath(db: Db, code: string, now = new Date()): Promise<string | undefined> {
  const [row] = await db
    .select({ path: shortLinks.path })
    .from(shortLinks)
    .where(and(eq(shortLinks.code, code), gt(shortLinks.expiresAt, now)));
  return row?.path;
}

/**
 * `GET /s/:code`, beside the web apps rather than under /api/v1: a text message's link opens the
 * page it names (302), or answers 404 with the error body once expired or never made.
 */
export async function shortLinkRoutes(app: FastifyInstance, db: Db) {
  app.get<{ Params: { code: string } }>('/s/:code', { schema: { hide: true } }, async (request, reply) => {
    const path = await shortLinkPath(db, request.params.code);
    if (!path) throw notFound('Link');
    return reply.header('cache-control', 'no-store').redirect(path, 302);
  });
}
