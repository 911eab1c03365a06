import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Order, riderEarningPaise } from '@kupwara/shared';
import { transitionParams } from '@kupwara/shared/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The kit's money format itself (pure): `@kupwara/shared/ui` as a whole needs React Native.
import { formatPaise } from '../packages/shared/src/ui/money';
import { launchBrowser, phone } from './browser';
import { deliverThroughApi, newCustomer, newRider, openShop, signInRider } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');

beforeAll(async () => {
  ensureWebBuilds('rider');
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openTab(page: Page, tab: 'Earnings' | 'History' | 'More') {
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('heading', { name: tab, level: 1, exact: true }).waitFor();
}

/**
 * A delivery step taken in a basement and not sent yet, as the app saves it (the page's storage),
 * with the server out of reach for steps: it waits on the phone.
 */
async function stepWaiting(page: Page, order: Order) {
  await page.route('**/api/v1/orders/*/transitions', (route) => route.abort('internetdisconnected'));
  const step = {
    id: 'e2e-waiting-step-0001',
    kind: 'transitionOrder',
    resource: `order:${order.id}`,
    params: transitionParams({ id: order.id, status: 'RIDER_ASSIGNED', version: order.version }, 'rider', {
      to: 'PICKED_UP',
    }),
    createdAt: new Date().toISOString(),
    attempts: 0,
    status: 'pending',
  };
  await page.evaluate((saved) => localStorage.setItem('kupwara.rider.actions', saved), JSON.stringify([step]));
  await page.reload();
}

describe("the rider's earnings, history and More tabs", () => {
  it('show a delivery made through the API, its earning and cash, and sign out after asking', async () => {
    const shop = await openShop(server);
    const customer = await newCustomer(server);
    const rider = await newRider(server);
    const delivered = await deliverThroughApi(shop, customer, rider);
    const earning = formatPaise(riderEarningPaise(delivered.distance_m));
    const cash = formatPaise(delivered.total_paise);

    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInRider(page, server, rider.phone);

    await openTab(page, 'Earnings');
    await page.getByLabel(`Earned today: ${earning}`).waitFor();
    await expect(page.getByLabel(`This week: ${earning}`).count()).resolves.toBe(1);
    await expect(page.getByText(`Cash collected today ${cash}`).count()).resolves.toBe(1);
    await expect(page.getByText(`Cash you hold ${cash}`).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Today', level: 2 }).count()).resolves.toBe(1);
    const line = page.getByLabel(/^\d\d:\d\d, Gulzar Kiryana, /);
    await expect(line.getAttribute('aria-label')).resolves.toMatch(
      new RegExp(`^\\d\\d:\\d\\d, Gulzar Kiryana, \\d+ m: earned ${earning}, cash collected ${cash}$`),
    );
    await page.screenshot({ path: path.join(shots, 'rider-earnings-phone.png') });

    await openTab(page, 'History');
    const row = page.getByRole('button', {
      name: new RegExp(`^Today \\d\\d:\\d\\d, Gulzar Kiryana, 3 items, ${cash}$`),
    });
    await row.waitFor();
    await page.screenshot({ path: path.join(shots, 'rider-history-phone.png') });
    await row.click();
    await page.waitForURL(`**/rider/delivery/${delivered.id}`);
    await page.goBack();

    await openTab(page, 'More');
    await page.getByText('Delivers by: Motorcycle').waitFor();
    await expect(page.getByText('Bilal Mir').count()).resolves.toBe(1);
    await expect(page.getByText(rider.phone).count()).resolves.toBe(1);
    // The notifications link says its unread count after its name ("Notifications, 1 unread").
    for (const name of [/^Notifications/, /^Sign out$/]) {
      const box = await page.getByRole('button', { name }).boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(48);
    }
    await page.screenshot({ path: path.join(shots, 'rider-more-phone.png') });
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.waitForURL('**/rider/notifications');
    await page.screenshot({ path: path.join(shots, 'rider-notifications-phone.png') });
    await page.goBack();

    await stepWaiting(page, delivered);
    await page.getByRole('heading', { name: 'More', level: 1, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByText(/^1 step you took has not been sent yet/).waitFor();
    // The sheet slides up: photographed once its last button is in view.
    const discard = await page.getByRole('button', { name: 'Sign out and discard' }).elementHandle();
    await page.waitForFunction((button) => (button?.getBoundingClientRect().bottom ?? 1e9) <= innerHeight, discard);
    await page.screenshot({ path: path.join(shots, 'rider-sign-out-asks-phone.png') });
    await page.getByRole('button', { name: 'Sign out and discard' }).click();
    await page.getByRole('heading', { name: 'Sign in to ride' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/rider/login');
    await expect(page.evaluate(() => localStorage.getItem('kupwara.rider.actions'))).resolves.toBe('[]');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('say so when a new rider has made no delivery yet', async () => {
    const rider = await newRider(server, 'Tariq Dar');
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await signInRider(page, server, rider.phone);
    await openTab(page, 'Earnings');
    await page.getByText('No deliveries yet this week').waitFor();
    await expect(page.getByLabel('Earned today: ₹0').count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(shots, 'rider-earnings-empty-phone.png') });
    await openTab(page, 'History');
    await page.getByText('No deliveries yet', { exact: true }).waitFor();
    await page.screenshot({ path: path.join(shots, 'rider-history-empty-phone.png') });
    await context.close();
  });
});
