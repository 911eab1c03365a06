// npm run bench:web: the customer web build on a phone-sized headless Chromium, against the real
// server (embedded database). Reports the bundle's size (gzip and brotli; all of it and what loads
// first), the time from a cold load to the first shop list, the time to reopen to it with no network,
// and frames dropped while scrolling a shop of BENCH_PRODUCTS (2,000) products, each beside a
// baseline measured in the same run (a static page's load; a plain list's scroll).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Session } from '@kupwara/shared';
import { createApiClient, createSessionStore, memoryStorage } from '@kupwara/shared/client';
import type { Page } from 'playwright-core';
import { launchBrowser, phone } from '../e2e/browser';
import { ensureWebBuilds, repoRoot, startServer } from '../e2e/server';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2000);
const LOADS = 7;
const HERE = { lat: 34.6, lng: 74.4 };
// Two intervals: the last minute of the day too.
const allDay = [
  { open: '00:00', close: '23:59' },
  { open: '23:59', close: '00:00' },
];
const hours = { sun: allDay, mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

ensureWebBuilds();
const server = await startServer();
const browser = await launchBrowser();
try {
  const client = (session: Session | null) => {
    const sessions = createSessionStore(memoryStorage());
    sessions.store.setState({ session, loaded: true });
    return createApiClient({ baseUrl: `${server.url}/api/v1`, tokens: sessions.tokens });
  };
  const password = 'chinar-leaf-42';
  const seller = await client(null).call('register', {
    body: { role: 'seller', name: 'Bench Shop', phone: '+919419200001', password },
  });
  const shop = client(seller);
  const store = await shop.call('createMyStore', {
    body: { name: 'Bench Kiryana', address: 'Old Bus Stand', location: HERE, delivery_radius_km: 5 },
  });
  await shop.call('updateMyStore', { body: { version: 1, opening_hours: hours } });
  for (let i = 0; i < PRODUCTS; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, PRODUCTS - i) }, (_, k) =>
        shop.call('createProduct', {
          body: {
            name: `Product ${String(i + k).padStart(4, '0')}`,
            price_paise: 1000 + i + k,
            unit: '1 kg',
            stock: 5,
          },
        }),
      ),
    );
  }
  const customer = await client(null).call('register', {
    body: { role: 'customer', name: 'Bench Customer', phone: '+919419200002', password },
  });

  // The bundle as a phone downloads it: all of it, and what index.html loads before the first screen.
  const dist = path.join(repoRoot, 'packages/customer-app/dist');
  const jsDir = path.join(dist, '_expo/static/js/web');
  const jsFiles = (await readdir(jsDir)).filter((file) => file.endsWith('.js'));
  const index = await readFile(path.join(dist, 'index.html'), 'utf8');
  const hasWorker = existsSync(path.join(dist, 'sw.js'));
  // The build's .br and .gz copies sit beside the bundles: count each bundle once, and its brotli copy.
  const size = { raw: 0, gzip: 0, brotli: 0, initialRaw: 0, initialGzip: 0 };
  for (const file of jsFiles) {
    const bytes = await readFile(path.join(jsDir, file));
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    size.raw += bytes.length;
    size.gzip += gzipped;
    size.brotli += (await readFile(path.join(jsDir, `${file}.br`)).catch(() => bytes)).length;
    if (index.includes(`/${file}"`)) {
      size.initialRaw += bytes.length;
      size.initialGzip += gzipped;
    }
  }

  // A signed-in customer who chose where to deliver, opening the app with nothing cached.
  const signedIn = async () => {
    const context = await browser.newContext(phone);
    await context.addInitScript(
      ([session, place]) => {
        localStorage.setItem('kupwara.customer.session', session);
        localStorage.setItem('kupwara.customer.place', place);
      },
      [JSON.stringify(customer), JSON.stringify({ ...HERE, label: 'Home', source: 'map' })] as const,
    );
    return context;
  };
  const coldLoads: number[] = [];
  const staticLoads: number[] = [];
  const offlineOpens: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await signedIn();
    const page = await context.newPage();
    let started = performance.now();
    await page.goto(`${server.url}/customer/`);
    await page.getByText('Bench Kiryana').waitFor();
    coldLoads.push(performance.now() - started);
    started = performance.now();
    await page.goto(`${server.url}/healthz`);
    staticLoads.push(performance.now() - started);
    // The same phone with no network: the service worker's shell and the shops the app kept.
    if (hasWorker) {
      await page.goto(`${server.url}/customer/`);
      await page.getByText('Bench Kiryana').waitFor();
      await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
      await page.waitForFunction(() => Object.values(localStorage).some((value) => value.includes('Bench Kiryana')));
      await context.setOffline(true);
      started = performance.now();
      await page.reload();
      await page.getByText('Bench Kiryana').waitFor();
      offlineOpens.push(performance.now() - started);
    }
    await context.close();
  }

  // Scrolling: 6 s of a fast fling (100 px a frame, about 90 rows a second), frame gaps from requestAnimationFrame. A string, not a
  // function: tsx would add helpers to a function's source that the page does not have.
  const SCROLL = `(async () => {
    const scrollers = [...document.querySelectorAll('*')].filter(
      (el) => el.scrollHeight > el.clientHeight + 100 && getComputedStyle(el).overflowY !== 'visible');
    const target = scrollers.sort((a, b) => b.scrollHeight - a.scrollHeight)[0] ?? document.scrollingElement;
    const gaps = [];
    let last = performance.now();
    const end = last + 6000;
    await new Promise((resolve) => {
      const step = (now) => {
        gaps.push(now - last);
        last = now;
        target.scrollTop += 100;
        if (now < end) requestAnimationFrame(step); else resolve();
      };
      requestAnimationFrame(step);
    });
    const dropped = gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / (1000 / 60)) - 1), 0);
    return { frames: gaps.length, dropped, distance: target.scrollTop };
  })()`;
  const scroll = (page: Page) => page.evaluate<{ frames: number; dropped: number; distance: number }>(SCROLL);
  const context = await signedIn();
  const page = await context.newPage();
  await page.goto(`${server.url}/customer/stores/${store.id}`);
  await page.getByText('Product 0000').waitFor();
  const shopScroll = await scroll(page);
  await page.setContent(
    `<div style="height:640px;overflow-y:auto">${Array.from({ length: PRODUCTS }, (_, i) => `<p style="height:64px;margin:0">Row ${i}</p>`).join('')}</div>`,
  );
  const plainScroll = await scroll(page);
  await context.close();

  const result = {
    at: new Date().toISOString(),
    products: PRODUCTS,
    bundle: {
      files: jsFiles.length,
      rawBytes: size.raw,
      gzipBytes: size.gzip,
      brotliBytes: size.brotli,
      initialRawBytes: size.initialRaw,
      initialGzipBytes: size.initialGzip,
    },
    coldLoadToShopListMs: { median: Math.round(median(coldLoads)), all: coldLoads.map(Math.round) },
    // None for a build without a service worker.
    offlineOpenToShopListMs: { median: Math.round(median(offlineOpens)), all: offlineOpens.map(Math.round) },
    baselineStaticPageMs: Math.round(median(staticLoads)),
    scrollShop: shopScroll,
    scrollPlainListBaseline: plainScroll,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  await server.stop();
}
