import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'test-results', 'e2e');

beforeAll(async () => {
  ensureWebBuilds();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const apps = [
  // Someone who has not signed in yet lands on signing in: every app's screens need an account.
  { name: 'customer', testId: 'customer-login', heading: 'Sign in', action: 'Sign in' },
  { name: 'seller', testId: 'seller-login', heading: 'Sign in to your shop', action: 'Sign in' },
  { name: 'rider', testId: 'rider-login', heading: 'Sign in to ride', action: 'Sign in' },
];

describe.each(apps)('the $name web app', ({ name, testId, heading, action }) => {
  it('renders its first screen on a phone, with no errors', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const response = await page.goto(`${server.url}/${name}/`);
    expect(response?.status()).toBe(200);
    await page.getByTestId(testId).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(heading);
    await expect(page.getByRole('button', { name: action }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(shots, `${name}-home.png`) });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('answers deep links with the app and caches hashed bundles for good', async () => {
    const deep = await fetch(`${server.url}/${name}/orders/0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4e`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/^text\/html/);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    const html = await deep.text();
    const bundle = html.match(new RegExp(`src="(/${name}/_expo/static/js/web/[^"]+\\.js)"`))?.[1];
    expect(bundle).toBeDefined();
    const js = await fetch(`${server.url}${bundle}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bare = await fetch(`${server.url}/${name}`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([302, `/${name}/`]);
  });
});

it('sends visitors of the bare address to the customer app', async () => {
  const res = await fetch(`${server.url}/`, { redirect: 'manual' });
  expect([res.status, res.headers.get('location')]).toEqual([302, '/customer/']);
});

it('seeds the demo town in development: the printed demo logins work', async () => {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: '+919906000001', password: 'kupwara-demo' }),
  });
  expect(res.status).toBe(200);
  expect((await res.json()).user).toMatchObject({ role: 'customer', name: 'Shazia Bhat' });
  expect(server.output()).toContain(
    'demo logins (password kupwara-demo): customer +919906000001, seller +919906000002',
  );
});
