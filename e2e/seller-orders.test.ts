import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { newKey } from '@kupwara/shared/client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { HERE, newCustomer, openShop, PASSWORD, signInSeller } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';
import { recordSound, ringing, untilRinging, untouchedPage } from './sound';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');
const counter = { viewport: { width: 1024, height: 768 } };

beforeAll(async () => {
  ensureWebBuilds();
  // Chromium as people have it: a page plays sound only after a touch.
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

async function sellerPage(shopPhone: string, viewport: object = phone) {
  const context = await browser.newContext(viewport);
  await recordSound(context);
  const page = await context.newPage();
  await signInSeller(page, server, shopPhone);
  return page;
}

type Shop = Awaited<ReturnType<typeof openShop>>;
async function order(shop: Shop, customer: Awaited<ReturnType<typeof newCustomer>>) {
  const [rice] = shop.products;
  return customer.api.call('placeOrder', {
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
}

async function customerPage(customer: Awaited<ReturnType<typeof newCustomer>>, orderId: string) {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(`${server.url}/customer/login`);
  await page.getByLabel('Phone number').fill(customer.session.user.phone ?? '');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  await page.goto(`${server.url}/customer/orders/${orderId}`);
  return page;
}

describe('incoming orders on the seller web app', () => {
  it('rings on every device of the shop until one opens it; accepted with a time, the customer sees the ETA', async () => {
    const shop = await openShop(server, 'Lone Kiryana');
    const customer = await newCustomer(server, 'Shabnam Bhat');
    const first = await sellerPage(shop.phone);
    const second = await sellerPage(shop.phone, counter);

    const placed = await order(shop, customer);
    for (const page of [first, second]) {
      await page.getByTestId(`incoming-${placed.id}`).waitFor();
      await untilRinging(page, true);
      await expect(page.getByRole('button', { name: 'New (1)' }).isVisible()).resolves.toBe(true);
    }
    await expect(first.getByText(/Cancels in \d:\d\d/).isVisible()).resolves.toBe(true);
    await first.screenshot({ path: path.join(shots, 'seller-orders-new-phone.png') });
    await second.screenshot({ path: path.join(shots, 'seller-orders-new-counter.png') });

    // Opened on the phone: the counter stops ringing too.
    await first.getByTestId(`open-${placed.id}`).click();
    await first.waitForURL(`**/seller/orders/${placed.id}`);
    await untilRinging(second, false);
    await untilRinging(first, false);
    expect((await shop.api.call('listOrders', { query: { limit: 5 } })).items[0]?.seen).toBe(true);

    await second.getByRole('button', { name: 'Accept' }).click();
    await second.getByRole('radio', { name: '30 min' }).click();
    await second.screenshot({ path: path.join(shots, 'seller-orders-accept-counter.png') });
    await second.getByRole('button', { name: 'Accept, ready in 30 min' }).click();
    await second.getByRole('button', { name: 'Preparing (1)' }).waitFor();

    const accepted = await customer.api.call('getOrder', { params: { id: placed.id } });
    expect([accepted.status, accepted.prep_minutes]).toEqual(['ACCEPTED', 30]);
    const at = Date.parse(accepted.timeline.at(-1)?.occurred_at ?? '');
    expect(Date.parse(accepted.ready_by ?? '') - at).toBe(30 * 60_000);
    expect(Date.parse(accepted.arrives_by ?? '')).toBeGreaterThan(Date.parse(accepted.ready_by ?? ''));

    const tracking = await customerPage(customer, placed.id);
    const clock = (iso: string | null) => {
      const date = new Date(iso ?? '');
      return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    };
    const estimate = tracking.getByTestId('order-estimate');
    await estimate.waitFor();
    expect(await estimate.textContent()).toBe(
      `Ready by ${clock(accepted.ready_by)} · arrives about ${clock(accepted.arrives_by)}`,
    );
    await tracking.screenshot({ path: path.join(shots, 'seller-orders-customer-eta.png') });
    await Promise.all([first, second, tracking].map((page) => page.context().close()));
  });

  it('asks for a tap when the browser blocks the sound, says so while an order waits, and rings after the tap', async () => {
    const shop = await openShop(server, 'Mir Store');
    const customer = await newCustomer(server, 'Rafiq Mir');
    // The counter's browser opens with the shop signed in from before: nobody has touched this page.
    const context = await browser.newContext(phone);
    await untouchedPage(context);
    await recordSound(context);
    await context.addInitScript(
      (session) => localStorage.setItem('kupwara.seller.session', session),
      JSON.stringify(shop.session),
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/seller/`);
    const ask = page.getByRole('button', { name: 'Tap to hear new orders' });
    await ask.waitFor();
    await page.screenshot({ path: path.join(shots, 'seller-orders-tap-to-hear-phone.png') });

    const placed = await order(shop, customer);
    await page.getByTestId(`incoming-${placed.id}`).waitFor();
    const blocked = page.getByRole('button', { name: /sound is blocked/ });
    await blocked.waitFor();
    expect(await ringing(page)).toBe(false);
    await page.screenshot({ path: path.join(shots, 'seller-orders-blocked-phone.png') });

    // A touch anywhere on the page lets the ring play.
    await page.mouse.click(180, 600);
    await untilRinging(page, true);
    await page.context().close();
  });

  it('rejects with a reason from the list, and the customer reads it', async () => {
    const shop = await openShop(server, 'Dar Provisions');
    const customer = await newCustomer(server, 'Javid Dar');
    const page = await sellerPage(shop.phone);
    const placed = await order(shop, customer);
    await page.getByTestId(`incoming-${placed.id}`).waitFor();
    await page.getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('radio', { name: 'Items out of stock' }).click();
    await page.screenshot({ path: path.join(shots, 'seller-orders-reject-phone.png') });
    await page.getByRole('button', { name: 'Reject order' }).click();
    await page.getByRole('button', { name: 'Done today (1)' }).waitFor();
    await untilRinging(page, false);

    const rejected = await customer.api.call('getOrder', { params: { id: placed.id } });
    expect([rejected.status, rejected.timeline.at(-1)?.reason]).toEqual(['REJECTED', 'Some items are out of stock']);
    const tracking = await customerPage(customer, placed.id);
    await tracking.getByText('Some items are out of stock').first().waitFor();
    await tracking.screenshot({ path: path.join(shots, 'seller-orders-customer-rejected.png') });
    await Promise.all([page, tracking].map((each) => each.context().close()));
  });
});
