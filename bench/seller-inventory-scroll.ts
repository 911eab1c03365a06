// npx tsx bench/seller-inventory-scroll.ts: the seller web build's Inventory tab on a phone-sized
// headless Chromium (360×640), against the real server (embedded database), with a shop of
// BENCH_PRODUCTS (2,000) products. Reports the frames dropped while the list is flung fast, two ways
// (scrollTop steps of 100 px a frame; mouse-wheel bursts), at full speed and with the CPU slowed 4×
// through CDP (a cheap phone), beside a plain list of as many rows measured the same way.
import type { Session } from '@kupwara/shared';
import { createApiClient, createSessionStore, memoryStorage } from '@kupwara/shared/client';
import type { Page } from 'playwright-core';
import { launchBrowser, phone } from '../e2e/browser';
import { ensureWebBuilds, startServer } from '../e2e/server';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2000);
const HERE = { lat: 34.6, lng: 74.4 };

ensureWebBuilds();
const server = await startServer();
const browser = await launchBrowser();

// Frame gaps from requestAnimationFrame while `drive` scrolls. Strings, not functions: tsx would add
// helpers to a function's source that the page does not have.
const RECORD = `window.__frames = (() => {
  const gaps = [];
  let last = performance.now();
  let on = true;
  const step = (now) => { gaps.push(now - last); last = now; if (on) requestAnimationFrame(step); };
  requestAnimationFrame(step);
  return { stop: () => { on = false; return gaps; } };
})()`;
const TARGET = `(() => {
  const scrollers = [...document.querySelectorAll('*')].filter(
    (el) => el.scrollHeight > el.clientHeight + 100 && getComputedStyle(el).overflowY !== 'visible');
  return scrollers.sort((a, b) => b.scrollHeight - a.scrollHeight)[0] ?? document.scrollingElement;
})()`;
const STEPS = `(async () => {
  const target = ${TARGET};
  target.scrollTop = 0;
  const end = performance.now() + 5000;
  await new Promise((resolve) => {
    const step = (now) => { target.scrollTop += 100; if (now < end) requestAnimationFrame(step); else resolve(); };
    requestAnimationFrame(step);
  });
  return target.scrollTop;
})()`;

interface Figures {
  frames: number;
  over16_7ms: number;
  over33ms: number;
  dropped: number;
  worstMs: number;
  distancePx: number;
}

function figures(gaps: number[], distancePx: number): Figures {
  const frame = 1000 / 60;
  return {
    frames: gaps.length,
    over16_7ms: gaps.filter((gap) => gap > frame + 0.5).length,
    over33ms: gaps.filter((gap) => gap > 2 * frame + 0.5).length,
    dropped: gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / frame) - 1), 0),
    worstMs: Math.round(Math.max(...gaps)),
    distancePx: Math.round(distancePx),
  };
}

async function measure(page: Page, how: 'steps' | 'wheel'): Promise<Figures> {
  await page.evaluate(`(${TARGET}).scrollTop = 0`);
  await page.mouse.move(180, 400);
  await page.evaluate(RECORD);
  let distance: number;
  if (how === 'steps') distance = await page.evaluate<number>(STEPS);
  else {
    // Flings: bursts of 12 wheel events of 240 px, a short pause between bursts, 25 bursts.
    for (let burst = 0; burst < 25; burst++) {
      for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 240);
      await page.waitForTimeout(60);
    }
    distance = await page.evaluate<number>(`(${TARGET}).scrollTop`);
  }
  const gaps = await page.evaluate<number[]>('window.__frames.stop()');
  return figures(gaps, distance);
}

async function all(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const result: Record<string, Figures> = {};
  for (const rate of [1, 4]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    result[`steps_cpu${rate}x`] = await measure(page, 'steps');
    result[`wheel_cpu${rate}x`] = await measure(page, 'wheel');
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return result;
}

try {
  const client = (session: Session | null) => {
    const sessions = createSessionStore(memoryStorage());
    sessions.store.setState({ session, loaded: true });
    return createApiClient({ baseUrl: `${server.url}/api/v1`, tokens: sessions.tokens });
  };
  const seller = await client(null).call('register', {
    body: { role: 'seller', name: 'Bench Shop', phone: '+919419200011', password: 'chinar-leaf-42' },
  });
  const shop = client(seller);
  await shop.call('createMyStore', {
    body: { name: 'Bench Kiryana', address: 'Old Bus Stand', location: HERE, delivery_radius_km: 5 },
  });
  for (let i = 0; i < PRODUCTS; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, PRODUCTS - i) }, (_, k) =>
        shop.call('createProduct', {
          body: {
            name: `Product ${String(i + k).padStart(4, '0')}`,
            price_paise: 1000 + i + k,
            unit: '1 kg',
            stock: (i + k) % 7,
            is_available: (i + k) % 5 !== 0,
          },
        }),
      ),
    );
  }

  const context = await browser.newContext(phone);
  await context.addInitScript(
    (session) => localStorage.setItem('kupwara.seller.session', session),
    JSON.stringify(seller),
  );
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(`${server.url}/seller/inventory`);
  await page.getByText('Product 0000').waitFor();
  const firstRowsMs = performance.now() - started;
  await page.getByText('Loading more products…').waitFor({ state: 'detached', timeout: 60_000 });
  const wholeListMs = performance.now() - started;
  const inventory = await all(page);

  await page.setContent(
    `<div style="height:640px;overflow-y:auto">${Array.from({ length: PRODUCTS }, (_, i) => `<p style="height:108px;margin:0">Row ${i}</p>`).join('')}</div>`,
  );
  const plain = await all(page);
  await context.close();

  console.log(
    JSON.stringify(
      {
        at: new Date().toISOString(),
        products: PRODUCTS,
        viewport: '360x640 @2x',
        loadToFirstRowsMs: Math.round(firstRowsMs),
        loadToWholeListMs: Math.round(wholeListMs),
        inventory,
        plainListBaseline: plain,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.stop();
}
