import { randomInt } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../backend/src/accounts/passwords';
import type { Scenario } from '../scenario';

const password = 'bench-password-1';

async function registerBenchUser(baseUrl: string) {
  const phone = `+9197${String(randomInt(0, 1e8)).padStart(8, '0')}`;
  const res = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench User', phone, password, role: 'customer' }),
  });
  if (res.status !== 201) throw new Error(`register answered ${res.status}: ${await res.text()}`);
  const session = (await res.json()) as { access_token: string };
  return { phone, session };
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export const login: Scenario = {
  name: 'login',
  description: 'POST /auth/login: argon2id verify + a refresh token written (rate limits lifted for the run)',
  async request(baseUrl) {
    const { phone } = await registerBenchUser(baseUrl);
    return { method: 'POST', path: '/api/v1/auth/login', body: JSON.stringify({ phone, password }) };
  },
  async extra() {
    const hash = await hashPassword(password);
    const hashes: number[] = [];
    const verifies: number[] = [];
    for (let i = 0; i < 30; i++) {
      let t = performance.now();
      await hashPassword(password);
      hashes.push(performance.now() - t);
      t = performance.now();
      await verifyPassword(hash, password);
      verifies.push(performance.now() - t);
    }
    return { argon2HashMedianMs: median(hashes), argon2VerifyMedianMs: median(verifies) };
  },
};

export const me: Scenario = {
  name: 'me',
  description: 'GET /me: JWT verify + one indexed read of the user and rider profile',
  async request(baseUrl) {
    const { session } = await registerBenchUser(baseUrl);
    return { path: '/api/v1/me', headers: { authorization: `Bearer ${session.access_token}` } };
  },
};
