import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clonePostgresTemplate } from './databases';

const backendDir = path.resolve(import.meta.dirname, '..');

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: backendDir,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => output };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the server process', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
  });

  it('refuses to start on bad configuration, naming each bad variable', async () => {
    const server = start({ PORT: 'eighty', REDIS_URL: 'http://cache' });
    children.push(server.child);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Invalid configuration:');
    expect(server.output()).toContain('PORT: must be a whole number between 0 and 65535 (got "eighty")');
    expect(server.output()).toMatch(/REDIS_URL: must start with redis:\/\/ or rediss:\/\//);
    expect(server.output()).not.toMatch(/at .*\.ts:\d+/);
  });

  it('in production: seeds no demo users, serves, then shuts down cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kupwara-main-'));
    const clone = process.env.DATABASE_URL ? await clonePostgresTemplate(process.env.DATABASE_URL) : undefined;
    const env: Record<string, string> = {
      PORT: '0',
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(36).toString('base64url'),
    };
    if (clone) env.DATABASE_URL = clone.url;
    if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
    const server = start(env);
    children.push(server.child);
    try {
      await waitFor(
        () => /Server listening at http:\/\/127\.0\.0\.1:\d+/.test(server.output()),
        'the server to listen',
      );
      const port = server.output().match(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/)?.[1];
      await waitFor(() => server.output().includes('KupwaraCart ready'), 'the ready line');
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      expect(server.output()).not.toContain('demo logins');
      const demoLogin = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '+919906000001', password: 'kupwara-demo' }),
      });
      expect(demoLogin.status).toBe(401);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('shutting down');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await clone?.drop();
    }
  }, 120_000);
});
