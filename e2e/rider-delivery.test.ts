import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { cashToCollect, riderEarningPaise } from '@kupwara/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { deliveryForRider, offShiftAfterEach, signInCustomer, signInRider } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');

beforeAll(async () => {
  ensureWebBuilds('customer', 'rider');
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const offShiftAfter = offShiftAfterEach();

declare global {
  interface Window {
    /** Every link the page opened in another tab or app (see `catchOpens`). */
    __opened?: string[];
  }
}

/** Records what `window.open` was asked to open (a map app, on the web a new tab) instead of opening it. */
const catchOpens = () => {
  window.open = (url?: string | URL) => {
    window.__opened = [...(window.__opened ?? []), String(url)];
    return null;
  };
};

/** The customer's tracking screen says `status` is where the order is now (its timeline, read out). */
const customerSees = (page: Page, status: string) =>
  page
    .getByLabel(new RegExp(`^${status}, (current step|done)`))
    .first()
    .waitFor();

/** Rupees as the apps write an amount under ₹1,000 ("₹240", "₹28.80"). */
const formatPaise = (paise: number) => `₹${(paise / 100).toFixed(2).replace(/\.00$/, '')}`;

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`) });

describe('a delivery on the rider web app', () => {
  it('to the shop, picked up, on the way, the code, delivered, while the customer watches each step live', async () => {
    const { customer, rider, order, otp } = await deliveryForRider(server);
    offShiftAfter(rider);
    expect(order.store.phone).toMatch(/^\+91\d{10}$/);
    const watching = await (await browser.newContext(phone)).newPage();
    await signInCustomer(watching, server, customer.session.user.phone);
    await watching.goto(`${server.url}/customer/orders/${order.id}`);
    await watching.getByTestId('delivery-code').waitFor();
    await customerSees(watching, 'Rider assigned');

    const context = await browser.newContext(phone);
    await context.addInitScript(catchOpens);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInRider(page, server, order.rider?.phone ?? '');
    await shot(page, 'rider-work-delivery');
    await page.getByRole('button', { name: 'Gulzar Kiryana: Go to the shop. Open this delivery' }).click();

    // 1. To the shop.
    await page.getByRole('heading', { name: 'Go to the shop' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/rider/delivery/${order.id}`);
    await page.getByText('2 × Basmati Rice').waitFor();
    await page.getByLabel('Map of the shop, the customer and you').waitFor();
    await shot(page, 'rider-delivery-to-shop');
    // A phone's dialler is not the browser's: the button is there (what it dials is a component test's).
    await page.getByRole('button', { name: 'Call the shop' }).waitFor();
    await page.getByRole('button', { name: 'Navigate to Gulzar Kiryana in your map app' }).click();
    expect(await page.evaluate(() => window.__opened)).toEqual([
      `https://www.google.com/maps/dir/?api=1&destination=${order.store.location.lat},${order.store.location.lng}`,
    ]);
    const main = await page.getByRole('button', { name: 'Picked up', exact: true }).boundingBox();
    // The main action: full width (less the margins), at least 64 px high, at the bottom of the screen.
    expect(main && [main.width >= 320, main.height >= 64, main.y + main.height > 600]).toEqual([true, true, true]);
    await page.getByRole('button', { name: 'Picked up', exact: true }).click();

    // 2. Picked up: the customer's details already.
    await page.getByRole('heading', { name: 'Picked up: start the ride' }).waitFor();
    await page.getByText('House 12, Main Road').waitFor();
    await page.getByText('Ring twice').waitFor();
    const cash = formatPaise(cashToCollect(order.payment_method, order.total_paise));
    await page.getByText(`Cash on delivery: collect ${cash}`).waitFor();
    await customerSees(watching, 'Picked up');
    await shot(page, 'rider-delivery-picked-up');
    await page.getByRole('button', { name: 'Start the ride' }).click();

    // 3. To the customer.
    await page.getByRole('heading', { name: 'Take it to the customer' }).waitFor();
    await customerSees(watching, 'On the way');
    await shot(page, 'rider-delivery-to-customer');
    // The plan: the shop, the door, and the rider where the server last had them (south of the shop).
    const map = page.getByLabel('Map of the shop, the customer and you');
    await map.getByText('You', { exact: true }).waitFor();
    await map.scrollIntoViewIfNeeded();
    await shot(page, 'rider-delivery-map');
    await page.getByRole('button', { name: 'Navigate to Shazia Bhat in your map app' }).click();
    expect((await page.evaluate(() => window.__opened))?.at(-1)).toBe(
      `https://www.google.com/maps/dir/?api=1&destination=${order.delivery_address.location.lat},${order.delivery_address.location.lng}`,
    );
    await page.getByRole('button', { name: "I'm at the door" }).click();

    // 4. The hand-over: the code the customer reads out, the cash taken.
    await page.getByRole('heading', { name: 'Hand it over' }).waitFor();
    await page.getByLabel("Customer's code").fill(otp);
    expect(await page.getByRole('button', { name: 'Deliver' }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: `I have collected ${cash} in cash` }).click();
    await shot(page, 'rider-delivery-hand-over');
    await page.getByRole('button', { name: 'Deliver' }).click();

    // 5. Done.
    await page.getByText(`You earned ${formatPaise(riderEarningPaise(order.distance_m))}`).waitFor();
    await page.getByText(`Cash collected: ${cash}`).waitFor();
    expect(await page.getByRole('button', { name: /^Call/ }).count()).toBe(0);
    await customerSees(watching, 'Delivered');
    await shot(page, 'rider-delivery-done');
    await shot(watching, 'rider-delivery-customer-watching');

    await page.getByRole('button', { name: 'Back to Work' }).click();
    await page.getByRole('heading', { name: 'Work', level: 1, exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Your deliveries' }).waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('locks the hand-over after five wrong codes and says to call the shop, with the button that does', async () => {
    const { rider, order, otp } = await deliveryForRider(server);
    offShiftAfter(rider);
    const context = await browser.newContext(phone);
    await context.addInitScript(catchOpens);
    const page = await context.newPage();
    await signInRider(page, server, order.rider?.phone ?? '');
    await page.goto(`${server.url}/rider/delivery/${order.id}`);
    await page.getByRole('button', { name: 'Picked up', exact: true }).click();
    await page.getByRole('button', { name: 'Start the ride' }).click();
    await page.getByRole('button', { name: "I'm at the door" }).click();
    await page.getByRole('checkbox').click();
    const wrong = otp === '0000' ? '1111' : '0000';
    for (const left of [4, 3, 2, 1]) {
      await page.getByLabel("Customer's code").fill(wrong);
      await page.getByRole('button', { name: 'Deliver' }).click();
      await page.getByText(left === 1 ? 'Wrong code — 1 try left' : `Wrong code — ${left} tries left`).waitFor();
    }
    await page.getByLabel("Customer's code").fill(wrong);
    await page.getByRole('button', { name: 'Deliver' }).click();
    await page.getByText('The hand-over is locked — call the shop').waitFor();
    expect(await page.getByRole('button', { name: 'Deliver' }).count()).toBe(0);
    await shot(page, 'rider-delivery-locked');
    await page.getByRole('button', { name: 'Call the shop' }).waitFor();
  });
});
