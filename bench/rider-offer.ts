// npx tsx bench/rider-offer.ts: from an offer recorded on the server to it visible on the rider's
// web build (headless Chromium at phone size, real server, embedded database). For each of
// BENCH_OFFERS (40; at most 100, the shop's stock) orders, one at a time: a customer orders, the
// shop makes it ready through the API, dispatch offers it to the one rider online near the shop;
// the page notes when the offer's card first appears (a MutationObserver); the rider declines it
// on the page before the next. The offer is recorded at `expires_at` − the offer's life
// (DISPATCH_OFFER_TIMEOUT_S, 30 s by default: the server writes both from one clock reading);
// server and browser share this machine's clock. Prints p50/p99/max.
import { pathBetween } from '@kupwara/shared';
import { newKey } from '@kupwara/shared/client';
import { launchBrowser, phone } from '../e2e/browser';
import { HERE, newCustomer, newRider, openShop, signInRider } from '../e2e/kit';
import { ensureWebBuilds, startServer } from '../e2e/server';

const OFFERS = Number(process.env.BENCH_OFFERS ?? 40);
const OFFER_LIFE_MS = 30_000;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

ensureWebBuilds('rider');
const server = await startServer();
const browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
try {
  const shop = await openShop(server, 'Bench Kiryana');
  const customer = await newCustomer(server, 'Bench Customer');
  const rider = await newRider(server, 'Bench Rider');
  const context = await browser.newContext(phone);
  await context.addInitScript(() => {
    const seen = new Map<string, number>();
    Object.assign(window, { __offers: seen });
    new MutationObserver(() => {
      for (const card of Array.from(document.querySelectorAll('[data-testid^="offer-"]'))) {
        const id = card.getAttribute('data-testid')?.slice('offer-'.length) ?? '';
        if (!seen.has(id)) seen.set(id, performance.timeOrigin + performance.now());
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await signInRider(page, server, rider.phone);
  await rider.api.call('setRiderStatus', { body: { status: 'online' } });

  const latencies: number[] = [];
  for (let i = 0; i < OFFERS; i++) {
    // A fresh fix each round: dispatch only trusts a position from the last few minutes.
    await rider.api.call('sendLocations', {
      body: { points: [{ lat: HERE.lat + 0.004, lng: HERE.lng, recorded_at: new Date().toISOString() }] },
    });
    // The shop's two products in turn: each has a stock of 50.
    const product = shop.products[i % shop.products.length];
    const placed = await customer.api.call('placeOrder', {
      idempotencyKey: newKey(),
      body: {
        store_id: shop.store.id,
        items: [{ product_id: product?.id ?? '', quantity: 1, unit_price_paise: product?.price_paise ?? 0 }],
        delivery_address: { label: 'Home', text: 'Bench lane', location: { lat: HERE.lat + 0.01, lng: HERE.lng } },
        payment_method: 'cash',
      },
    });
    for (const { to, needs } of pathBetween(placed.status, 'READY_FOR_PICKUP')) {
      const prep = needs.includes('prep') ? { prep_minutes: 15 } : {};
      await shop.api.call('transitionOrder', { params: { id: placed.id }, body: { to, ...prep } });
    }
    const card = page.locator('[data-testid^="offer-"]').first();
    await card.waitFor();
    const offerId = ((await card.getAttribute('data-testid')) ?? '').slice('offer-'.length);
    const offer = (await rider.api.call('riderAssignments', {})).offers.find((each) => each.id === offerId);
    if (!offer || offer.order_id !== placed.id) throw new Error(`round ${i}: the card is not this order's offer`);
    const shownAt = await page.evaluate(
      (id) => (window as unknown as { __offers: Map<string, number> }).__offers.get(id),
      offerId,
    );
    latencies.push(Number(shownAt) - (Date.parse(offer.expires_at) - OFFER_LIFE_MS));
    await page.getByRole('button', { name: /^Decline the delivery/ }).click();
    await page.getByTestId(`offer-${offerId}`).waitFor({ state: 'detached' });
    // The "Offer declined" toast sits over where the next card's buttons come: let it go first.
    await page.getByText('Offer declined').waitFor({ state: 'detached' });
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.log(
    `rider-offer: ${OFFERS} offers, recorded on the server → card on the rider's page: p50 ${ms(quantile(sorted, 0.5))}, p99 ${ms(quantile(sorted, 0.99))}, max ${ms(sorted.at(-1) ?? Number.NaN)} (npx tsx bench/rider-offer.ts)`,
  );
} finally {
  await browser.close();
  await server.stop();
}
