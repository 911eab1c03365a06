import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The kit's money format itself (pure): `@kupwara/shared/ui` as a whole needs React Native.
import { formatPaise } from '../packages/shared/src/ui/money';
import { launchBrowser, phone } from './browser';
import { deliverThroughApi, newCustomer, newRider, offShiftAfterEach, openShop, signInSeller } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `seller-payments-${name}.png`) });

beforeAll(async () => {
  ensureWebBuilds('seller');
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const offShiftAfter = offShiftAfterEach();

describe('payments in the seller web app', () => {
  it('shows the payment switches (cash kept on: this server has no gateway) and what the shop is owed', async () => {
    const shop = await openShop(server);
    const customer = await newCustomer(server);
    const rider = await newRider(server);
    offShiftAfter(rider);
    const delivered = await deliverThroughApi(shop, customer, rider);

    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInSeller(page, server, shop.phone);

    // The order says how it was paid.
    await page.goto(`${server.url}/seller/orders/${delivered.id}`);
    await page.getByTestId('cash-to-collect').filter({ visible: true }).first().waitFor();
    await page.getByText('Cash on delivery', { exact: true }).first().waitFor();

    // The switches: online is not available on this server, so cash is the only way to pay and stays on.
    await page.goto(`${server.url}/seller/shop`);
    // The section at the top of the screen, so its switches and notes are all in view.
    const section = page.getByRole('heading', { name: 'Payments', level: 2 });
    await section.evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    const cash = page.getByRole('switch', { name: 'Cash on delivery' });
    const online = page.getByRole('switch', { name: 'Online payment (UPI, cards)' });
    await expect(cash.isChecked()).resolves.toBe(true);
    await expect(cash.isDisabled()).resolves.toBe(true);
    await expect(online.isChecked()).resolves.toBe(true);
    await page
      .getByText('Online payment is not available on KupwaraCart yet: customers pay cash on delivery until it is.')
      .waitFor();
    await page.getByText(/^This is the only way customers can pay you now/).waitFor();
    await shot(page, 'switches');
    // The online switch may be turned off (it waits for a gateway): saved with the shop's version.
    const before = await shop.api.call('getMyStore', {});
    await online.click();
    await expect.poll(async () => (await shop.api.call('getMyStore', {})).accepts_online).toBe(false);
    await expect(online.isChecked()).resolves.toBe(false);
    const after = await shop.api.call('getMyStore', {});
    expect(after).toMatchObject({ accepts_cash: true, payment_methods: ['cash'], version: before.version + 1 });
    await page.getByText('Online payment is not available', { exact: false }).waitFor({ state: 'detached' });
    await shot(page, 'switches-online-off');

    // Owed to you: today's delivery, its items only (the delivery fee pays the rider), paid cash.
    await page.getByRole('tab', { name: 'More' }).click();
    await page.getByRole('button', { name: 'Owed to you: Cash and online, day by day' }).click();
    await page.waitForURL('**/seller/payouts');
    const items = formatPaise(delivered.subtotal_paise);
    await page.getByLabel(`Owed for the last 7 days: ${items}`).waitFor();
    await page.getByLabel(`Today: 1 order, cash ${items}, online ₹0, owed ${items}`).waitFor();
    await expect(page.getByLabel(/: Nothing delivered$/).count()).resolves.toBe(6);
    expect(delivered.total_paise - delivered.subtotal_paise).toBe(delivered.delivery_fee_paise);
    await shot(page, 'owed');
    expect(errors).toEqual([]);
    await context.close();
  });
});
