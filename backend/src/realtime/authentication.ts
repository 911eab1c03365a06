import { LOGIN_ENDED, type RevokedLogins } from '../accounts/revoked-logins';
import type { AuthUser, TokenSigner } from '../accounts/tokens';
import { CLOSE, type FrameSender } from './frame-sender';

/** Who a socket is signed in as: set by an `auth` frame, gone when the token expires. */
export interface Authentication {
  user(): AuthUser | undefined;
  authenticate(token: string): Promise<void>;
  /** These logins were ended (logout, password change, a stolen refresh token): one may be this socket's. */
  revoked(sessionIds: readonly string[]): Promise<void>;
  /** The socket closed: no timer of it may fire. */
  stop(): void;
}

export interface AuthenticationOptions {
  tokens: TokenSigner;
  revokedLogins: RevokedLogins;
  sender: FrameSender;
  /** A socket that has not authenticated this long after opening (or after its token expired) is closed. */
  timeoutMs: number;
  close(code: number, reason: string): void;
  /** The user the socket followed channels as is gone (their token expired, or another signed in). */
  onSignedOut(): Promise<void>;
}

export function createAuthentication(options: AuthenticationOptions): Authentication {
  const { tokens, revokedLogins, sender, timeoutMs } = options;
  let user: AuthUser | undefined;
  let deadline: NodeJS.Timeout | undefined;
  let expiry: NodeJS.Timeout | undefined;

  const awaitToken = () => {
    clearTimeout(deadline);
    deadline = setTimeout(() => options.close(CLOSE.authTimeout, 'authenticate first'), timeoutMs);
  };
  const expire = () => {
    user = undefined;
    sender.refuse('TOKEN_EXPIRED', 'send a fresh token ({"type":"auth"}) and subscribe again with since');
    void options.onSignedOut();
    awaitToken();
  };
  awaitToken();

  return {
    user: () => user,
    async authenticate(token) {
      let verified: AuthUser & { expiresAt: Date };
      try {
        verified = await tokens.verify(token);
      } catch (error) {
        return sender.refuse('UNAUTHENTICATED', (error as Error).message);
      }
      if (await revokedLogins.isRevoked(verified.sessionId)) return sender.refuse('UNAUTHENTICATED', LOGIN_ENDED);
      // Another account on the same socket starts from nothing.
      if (user && user.id !== verified.id) await options.onSignedOut();
      user = verified;
      clearTimeout(deadline);
      clearTimeout(expiry);
      expiry = setTimeout(expire, Math.max(0, verified.expiresAt.getTime() - Date.now()));
      sender.send({ type: 'authenticated', user_id: verified.id, expires_at: verified.expiresAt.toISOString() });
    },
    async revoked(sessionIds) {
      if (!user || !sessionIds.includes(user.sessionId)) return;
      user = undefined;
      clearTimeout(expiry);
      sender.refuse('UNAUTHENTICATED', LOGIN_ENDED);
      await options.onSignedOut();
      // Nothing this socket could send would make the login live again: the app signs in anew.
      options.close(CLOSE.loginEnded, 'login ended');
    },
    stop() {
      clearTimeout(deadline);
      clearTimeout(expiry);
    },
  };
}
