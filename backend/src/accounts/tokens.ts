import { createHash, createHmac, randomBytes } from 'node:crypto';
import { role } from '@kupwara/shared';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AuthUser } from '../platform/http/auth-user';
import { AppError } from '../platform/http/errors';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 30;
const ISSUER = 'kupwaracart';
const AUDIENCE = 'kupwaracart-api';
const ALGORITHM = 'HS256';

export type { AuthUser };

export interface TokenSigner {
  sign(user: AuthUser, now?: Date): Promise<{ token: string; expiresAt: Date }>;
  /** The token's user and when it expires, or a 401 AppError saying whether it expired or is not ours at all. */
  verify(token: string): Promise<AuthUser & { expiresAt: Date }>;
  /**
   * The refresh token that succeeds the stored one with this row id: the same every time it is
   * asked for, and unguessable without the server's secret. Rotation hands it out, and hands it out
   * again to a phone that lost the answer and retries (see rotateSession), so neither the token nor
   * anything that decrypts to it needs storing: the database keeps only its hash, as for any other.
   */
  successorRefreshToken(refreshTokenId: string): string;
}

export function createTokenSigner(secret: string): TokenSigner {
  const key = new TextEncoder().encode(secret);
  // A key of its own, derived from the secret, so refresh tokens and JWT signatures never share one.
  const successorKey = createHmac('sha256', secret).update('kupwaracart refresh-token successor v1').digest();
  return {
    async sign(user, now = new Date()) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const expiresAt = new Date((issuedAt + ACCESS_TOKEN_SECONDS) * 1000);
      const token = await new SignJWT({ role: user.role, sid: user.sessionId })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(user.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key);
      return { token, expiresAt };
    },
    async verify(token) {
      try {
        // Only HS256 is accepted: `alg: none`, other HMACs and RS/ES tokens (key confusion) all fail here.
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: AUDIENCE,
        });
        const parsedRole = role.safeParse(payload.role);
        if (!payload.sub || !parsedRole.success || typeof payload.sid !== 'string' || !payload.exp) {
          throw new Error('malformed claims');
        }
        return {
          id: payload.sub,
          role: parsedRole.data,
          sessionId: payload.sid,
          expiresAt: new Date(payload.exp * 1000),
        };
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new AppError(401, 'UNAUTHENTICATED', 'Access token expired');
        throw new AppError(401, 'UNAUTHENTICATED', 'Invalid access token');
      }
    },
    successorRefreshToken: (refreshTokenId) =>
      createHmac('sha256', successorKey).update(refreshTokenId).digest('base64url'),
  };
}

/** A new opaque refresh token; only its hash is stored. */
export const newRefreshToken = (): string => randomBytes(32).toString('base64url');

export const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('hex');
