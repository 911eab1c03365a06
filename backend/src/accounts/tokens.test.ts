import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { registerUser } from '../../test/factories';
import { createTokenSigner } from './tokens';

let app: FastifyInstance;
let jwtSecret: string;
let user: { id: string; role: 'customer'; sessionId: string };
let valid: string;

beforeAll(async () => {
  ({
    app,
    config: { jwtSecret },
  } = await makeTestApp());
  const session = await registerUser(app);
  valid = session.access_token;
  user = { id: session.user.id, role: 'customer', sessionId: 'unused' };
});
afterAll(() => app.close());

const b64 = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const decode = (part: string | undefined) => JSON.parse(Buffer.from(part ?? '', 'base64url').toString());

const meWith = (token: string) => app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

async function expectRejected(token: string, message = 'Invalid access token') {
  const res = await meWith(token);
  expect(res.statusCode).toBe(401);
  expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message } });
}

/** The valid token's claims, as an attacker would read them. */
const claims = () => decode(valid.split('.')[1]);

/** A token made outside the app, valid but for whatever the options change. */
function forge(
  role: string,
  {
    alg = 'HS256',
    key,
    issuer = 'kupwaracart',
    audience = 'kupwaracart-api',
  }: { alg?: string; key?: KeyObject | Uint8Array; issuer?: string; audience?: string } = {},
) {
  return new SignJWT({ role, sid: 's' })
    .setProtectedHeader({ alg })
    .setSubject(user.id)
    .setIssuer(issuer)
    .setAudience(audience)
    .setExpirationTime('10m')
    .sign(key ?? new TextEncoder().encode(jwtSecret));
}

describe('access tokens', () => {
  it('a valid one is accepted and carries sub, role, sid, iss, aud and a 15-minute life', async () => {
    expect((await meWith(valid)).statusCode).toBe(200);
    const header = decode(valid.split('.')[0]);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const payload = claims();
    expect(payload).toEqual({
      sub: user.id,
      role: 'customer',
      sid: expect.any(String),
      iss: 'kupwaracart',
      aud: 'kupwaracart-api',
      iat: expect.any(Number),
      exp: payload.iat + 900,
    });
  });

  it('an expired one is refused, saying so', async () => {
    const signer = createTokenSigner(jwtSecret);
    const { token } = await signer.sign(user, new Date(Date.now() - 16 * 60_000));
    await expectRejected(token, 'Access token expired');
  });

  it('a tampered one is refused (role raised to admin, signature kept)', async () => {
    const [header, , signature] = valid.split('.');
    await expectRejected(`${header}.${b64({ ...claims(), role: 'admin' })}.${signature}`);
  });

  it('alg none is refused, with or without a signature', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}`;
    await expectRejected(`${unsigned}.`);
    await expectRejected(`${unsigned}.${valid.split('.')[2]}`);
  });

  it('another HMAC algorithm with the right secret is refused', async () => {
    await expectRejected(await forge('customer', { alg: 'HS512' }));
  });

  it('RS256 tokens are refused, and so is an HS256 token keyed with an RSA public key (key confusion)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expectRejected(await forge('admin', { alg: 'RS256', key: privateKey }));
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims(), role: 'admin' })}`;
    await expectRejected(`${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`);
  });

  it('a token signed with another secret, issuer or audience is refused', async () => {
    const other = createTokenSigner('a different secret that is long enough to be real');
    await expectRejected((await other.sign(user)).token);
    await expectRejected(await forge('customer', { issuer: 'someone-else' }));
    await expectRejected(await forge('customer', { audience: 'another-api' }));
    expect((await meWith(await forge('customer'))).statusCode).toBe(200);
  });

  it('a token with claims we do not know is refused', async () => {
    await expectRejected(await forge('superuser'));
  });

  it('garbage and malformed headers are refused', async () => {
    await expectRejected('not.a.jwt');
    await expectRejected('😀');
    for (const authorization of ['', 'Bearer', 'Basic dXNlcjpwYXNz', `Token ${valid}`, `Bearer ${valid} extra`]) {
      const res = await app.inject({ url: '/api/v1/me', headers: { authorization } });
      expect(res.statusCode).toBe(401);
    }
  });
});
