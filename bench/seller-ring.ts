// npx tsx bench/seller-ring.ts: from a new order recorded on the server to it visible and ringing
// on the seller's web build (headless Chromium at phone size, real server, embedded database).
// For each of BENCH_ORDERS (200) orders, one at a time: the customer places it through the API;
// the page notes when its card first appears (a MutationObserver) and when its ring starts
// (HTMLMediaElement.prototype.play, instrumented); the shop then answers it from elsewhere and
// the ring stops before the next. Each latency is max(card, ring) − the order's `placed_at` (one clock:
// server and browser run on this machine). Prints p50/p99/max.
import { newKey } from '@kupwara/shared/client';
import { launchBrowser, phone } from '../e2e/browser';
import { HERE, newCustomer, openShop, signInSeller } from '../e2e/kit';
import { ensureWebBuilds, startServer } from '../e2e/server';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200);
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

ensureWebBuilds();
const server = await startServer();
const browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
try {
  const shop = await openShop(server, 'Bench Kiryana');
  const customer = await newCustomer(server, 'Bench Customer');
  const context = await browser.newContext(phone);
  await context.addInitScript(() => {
    const seen = new Map<string, number>();
    const rings: number[] = [];
    Object.assign(window, { __cards: seen, __rings: rings });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!this.muted) rings.push(Date.now());
      Object.assign(window, { __audio: this });
      return play.call(this);
    };
    new MutationObserver(() => {
      for (const card of Array.from(document.querySelectorAll('[data-testid^="incoming-"]'))) {
        const id = card.getAttribute('data-testid')?.slice('incoming-'.length) ?? '';
        if (!seen.has(id)) seen.set(id, Date.now());
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await signInSeller(page, server, shop.phone);
  const [rice] = shop.products;

  const latencies: number[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const ringsBefore = await page.evaluate(() => (window as unknown as { __rings: number[] }).__rings.length);
    const order = await customer.api.call('placeOrder', {
      idempotencyKey: newKey(),
      body: {
        store_id: shop.store.id,
        items: [{ product_id: rice?.id ?? '', quantity: 1, unit_price_paise: rice?.price_paise ?? 0 }],
        delivery_address: { label: 'Home', text: 'Bench lane', location: { lat: HERE.lat + 0.01, lng: HERE.lng } },
        payment_method: 'cash',
      },
    });
    const shown = await page.waitForFunction(
      ({ id, before }) => {
        const state = window as unknown as { __cards: Map<string, number>; __rings: number[] };
        const card = state.__cards.get(id);
        const ring = state.__rings[before];
        return card !== undefined && ring !== undefined ? Math.max(card, ring) : false;
      },
      { id: order.id, before: ringsBefore },
    );
    latencies.push(Number(await shown.jsonValue()) - Date.parse(order.placed_at));
    // Answered on another device (its stock goes back): the ring stops before the next order comes.
    await shop.api.call('transitionOrder', {
      params: { id: order.id },
      body: { to: 'REJECTED', reject_reason: 'too_busy' },
    });
    await page.waitForFunction(() => (window as unknown as { __audio?: HTMLMediaElement }).__audio?.paused === true);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `seller-ring: ${ORDERS} orders, new order recorded → visible and ringing on the seller's page: p50 ${quantile(sorted, 0.5)} ms, p99 ${quantile(sorted, 0.99)} ms, max ${sorted.at(-1)} ms`,
  );
} finally {
  await browser.close();
  await server.stop();
}
