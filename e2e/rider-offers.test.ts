import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathBetween } from '@kupwara/shared';
import { newKey } from '@kupwara/shared/client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { HERE, newCustomer, newRider, openShop, riderOnlineNear, signInRider } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';
import { buzzes, recordSound, ringing, untilRinging, untouchedPage } from './sound';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');

beforeAll(async () => {
  ensureWebBuilds();
  // Chromium as people have it: a page plays sound only after a touch (signing in is one).
  [server, browser] = await Promise.all([
    startServer(),
    launchBrowser(['--autoplay-policy=document-user-activation-required']),
  ]);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Shop = Awaited<ReturnType<typeof openShop>>;

/** A customer's cash order from the shop, made ready for pickup by the shop through the API. */
async function readyOrder(shop: Shop, customer: Awaited<ReturnType<typeof newCustomer>>) {
  const [rice] = shop.products;
  const placed = await customer.api.call('placeOrder', {
    idempotencyKey: newKey(),
    body: {
      store_id: shop.store.id,
      items: [{ product_id: rice?.id ?? '', quantity: 2, unit_price_paise: rice?.price_paise ?? 0 }],
      delivery_address: {
        label: 'Home',
        text: 'Near the old bridge',
        location: { lat: HERE.lat + 0.01, lng: HERE.lng },
      },
      payment_method: 'cash',
    },
  });
  const steps = pathBetween(placed.status, 'READY_FOR_PICKUP');
  for (const { to, needs } of steps) {
    const prep = needs.includes('prep') ? { prep_minutes: 15 } : {};
    await shop.api.call('transitionOrder', { params: { id: placed.id }, body: { to, ...prep } });
  }
  return { placed, readyAt: performance.now() };
}

/** A rider 500 m from the shop and online (both through the API), then signed in on the web build. */
async function riderNearShop() {
  const rider = await newRider(server);
  const context = await browser.newContext(phone);
  await recordSound(context);
  await riderOnlineNear(rider, { lat: HERE.lat + 0.0045, lng: HERE.lng });
  const page = await context.newPage();
  await signInRider(page, server, rider.phone);
  return { rider, page };
}

describe('offers on the rider web app', () => {
  it('rings with the offer over the Work tab as the shop marks the order ready; accepted, the delivery is theirs', async () => {
    const shop = await openShop(server, 'Lone Kiryana');
    const customer = await newCustomer(server, 'Shabnam Bhat');
    const { rider, page } = await riderNearShop();
    await page.getByText('Waiting for orders near you…').waitFor();
    await page.screenshot({ path: path.join(shots, 'rider-offers-waiting.png') });

    const { placed, readyAt } = await readyOrder(shop, customer);
    const card = page.getByTestId(/^offer-/);
    await card.waitFor();
    console.log(`rider-offers: ready → offer on the rider's screen in ${Math.round(performance.now() - readyAt)} ms`);
    await untilRinging(page, true);
    expect((await buzzes(page)).at(-1)).toEqual([0, 250, 150, 250, 600]);

    for (const fact of ['Lone Kiryana', 'Old Bus Stand', '2 items']) {
      await expect(card.getByText(fact, { exact: true }).isVisible()).resolves.toBe(true);
    }
    await expect(card.getByText(/^(49\d|50\d) m to the shop$/).isVisible()).resolves.toBe(true);
    await expect(card.getByText(/^then \d\.\d km to the customer$/).isVisible()).resolves.toBe(true);
    const cash = (await card.getByText(/^Collect ₹[\d,.]+ cash$/).textContent()) ?? '';
    expect(Math.round(Number(cash.replace(/[^\d.]/g, '')) * 100)).toBe(placed.total_paise);
    const left = Number((await card.getByTestId('countdown').textContent())?.match(/^(\d+) s left$/)?.[1]);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(30);
    await page.screenshot({ path: path.join(shots, 'rider-offers-card.png') });

    // No signal at the tap: the card says so and stays, still ringing; with signal back, one more tap.
    const accept = card.getByRole('button', { name: /^Accept the delivery from Lone Kiryana/ });
    await page.context().setOffline(true);
    await accept.click();
    await card.getByText('No connection: the offer is live, accept it once you have signal').waitFor();
    await page.screenshot({ path: path.join(shots, 'rider-offers-offline.png') });
    expect(await ringing(page)).toBe(true);
    await page.context().setOffline(false);
    await accept.click();
    await page.waitForURL(`**/rider/delivery/${placed.id}`);
    await untilRinging(page, false);
    expect((await buzzes(page)).at(-1)).toBe(0);
    expect(await page.getByTestId(/^offer-/).count()).toBe(0);
    const taken = await customer.api.call('getOrder', { params: { id: placed.id } });
    expect([taken.status, taken.rider?.id]).toEqual(['RIDER_ASSIGNED', rider.session.user.id]);
    await page.context().close();
  });

  it('declined in one tap, the offer goes and the server holds none for the rider', async () => {
    const shop = await openShop(server, 'Mir Store');
    const customer = await newCustomer(server, 'Rafiq Mir');
    const { rider, page } = await riderNearShop();
    await readyOrder(shop, customer);
    const card = page.getByTestId(/^offer-/);
    await card.waitFor();
    await card.getByRole('button', { name: /^Decline the delivery from Mir Store/ }).click();
    await page.getByText('Offer declined').waitFor();
    await page.getByText('Waiting for orders near you…').waitFor();
    await untilRinging(page, false);
    expect((await rider.api.call('riderAssignments', {})).offers).toEqual([]);
    await page.context().close();
  });

  it('says the sound is off when the browser blocks it, and rings after a tap anywhere', async () => {
    const shop = await openShop(server, 'Dar Provisions');
    const customer = await newCustomer(server, 'Nusrat Dar');
    const rider = await newRider(server, 'Imran Lone');
    // The rider's browser opens with them signed in from before: nobody has touched this page.
    const context = await browser.newContext(phone);
    await untouchedPage(context);
    await recordSound(context);
    await context.addInitScript(
      (session) => localStorage.setItem('kupwara.rider.session', session),
      JSON.stringify(rider.session),
    );
    await riderOnlineNear(rider, { lat: HERE.lat + 0.0045, lng: HERE.lng });
    const page = await context.newPage();
    await page.goto(`${server.url}/rider/`);
    await page.getByText('Waiting for orders near you…').waitFor();

    await readyOrder(shop, customer);
    await page.getByTestId(/^offer-/).waitFor();
    await page.getByText('Sound is off in this browser: tap anywhere to hear offers').waitFor();
    await page.screenshot({ path: path.join(shots, 'rider-offers-sound-blocked.png') });
    // A tap on the card's text (not a button) lets the ring play. (The offer may be another test's
    // order: one declined there goes to the next rider near the shops, this one.)
    await page.getByText('You earn').click();
    await untilRinging(page, true);
    await expect(page.getByText('Sound is off in this browser: tap anywhere to hear offers').count()).resolves.toBe(0);
    await page.context().close();
  });
});
