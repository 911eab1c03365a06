import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { HERE, nextPhone, openShop, PASSWORD } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');

beforeAll(async () => {
  ensureWebBuilds();
  server = await startServer();
  browser = await launchBrowser();
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A PNG's width and height, from its header. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

describe('the web apps as installed PWAs', () => {
  const apps = [
    { app: 'customer', name: 'KupwaraCart' },
    { app: 'seller', name: 'KupwaraCart Seller' },
    { app: 'rider', name: 'KupwaraCart Rider' },
  ];
  it.each(apps)(
    '$app: a manifest whose icons load, and a worker the browser refetches every time',
    async ({ app, name }) => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/${app}/`);
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBe(`/${app}/manifest.webmanifest`);
      await page.close();

      const manifest = await (await fetch(`${server.url}${href}`)).json();
      expect(manifest).toMatchObject({
        name,
        short_name: name,
        start_url: `/${app}/`,
        scope: `/${app}/`,
        display: 'standalone',
        theme_color: '#0B5D3B',
        background_color: '#FBF8F3',
      });
      expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(['192x192', '512x512']);
      for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
        const answer = await fetch(`${server.url}${icon.src}`);
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-type')).toBe('image/png');
        const { width, height } = pngSize(Buffer.from(await answer.arrayBuffer()));
        expect(`${width}x${height}`).toBe(icon.sizes);
      }

      const worker = await fetch(`${server.url}/${app}/sw.js`);
      expect(worker.status).toBe(200);
      expect(worker.headers.get('content-type')).toMatch(/javascript/);
      expect(worker.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('opens with no network and shows the shops it knew', async () => {
    const { store } = await openShop(server, 'Lolab Kiryana');
    const customerPhone = nextPhone();
    const context = await browser.newContext({
      ...phone,
      geolocation: { latitude: HERE.lat, longitude: HERE.lng },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/customer/`);
    await page.getByText('New here? Create an account').click();
    await page.getByLabel('Your name').fill('Rafiya Lone');
    await page.getByLabel('Phone number').fill(customerPhone);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: 'Choose where to deliver' }).first().click();
    await page.getByRole('button', { name: 'Use my current location' }).click();
    await page.getByText(store.name).click();
    await page.getByText('Kahwa Tea').waitFor();
    await page.goBack();
    await page.getByText(store.name).waitFor();

    // The worker has the shell and controls the page; the app has saved what it showed.
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
    await page.waitForFunction((name) => Object.values(localStorage).some((value) => value.includes(name)), store.name);

    await context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('/healthz').then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    const started = performance.now();
    await page.reload();
    await page.getByRole('heading', { name: 'Shops near you' }).waitFor();
    await page.getByText(store.name).waitFor();
    console.log(`customer app opened offline to its shop list in ${Math.round(performance.now() - started)} ms`);
    const viaWorker = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
    expect(viaWorker).toBe(true);
    await page.screenshot({ path: path.join(shots, 'customer-offline-shops.png') });

    // Another screen by its address, as a bookmark opens it: the same shell, the shop's shelf as last seen.
    await page.goto(`${server.url}/customer/stores/${store.id}`);
    await page.getByText('Kahwa Tea').waitFor();
    await page.screenshot({ path: path.join(shots, 'customer-offline-shop.png') });
    await context.close();
  });
});
