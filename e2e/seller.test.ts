import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { nextPhone, openShop, PASSWORD, signInSeller } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');

beforeAll(async () => {
  ensureWebBuilds();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the seller web app', () => {
  it('signs a new seller up and asks them to set up their shop first', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(`${server.url}/seller/`);
    await page.getByText('New shop? Create an account').click();
    await page.getByLabel('Your name').fill('Nazir Lone');
    await page.getByLabel('Phone number').fill(nextPhone());
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Set up your shop', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/seller/setup');
    await context.close();
  });

  it("opens a seller's shop on its orders, with the five tabs at hand", async () => {
    const shop = await openShop(server);
    for (const [name, viewport] of [
      ['phone', phone],
      ['counter', { viewport: { width: 1024, height: 768 } }],
    ] as const) {
      const context = await browser.newContext(viewport);
      const page = await context.newPage();
      await signInSeller(page, server, shop.phone);
      for (const tab of ['Orders', 'Stock', 'Sales', 'Shop', 'More']) {
        const button = page.getByRole('tab', { name: tab });
        await expect(button.isVisible()).resolves.toBe(true);
        const box = await button.boundingBox();
        expect(box?.height).toBeGreaterThanOrEqual(48);
      }
      await page.screenshot({ path: path.join(shots, `seller-tabs-${name}.png`) });
      await page.getByRole('tab', { name: 'Stock' }).click();
      await page.getByRole('heading', { name: 'Stock', level: 1 }).waitFor();
      await context.close();
    }
  });
});
