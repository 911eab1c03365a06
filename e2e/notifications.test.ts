import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import {
  type Api,
  deliverThroughApi,
  newCustomer,
  newRider,
  openShop,
  PASSWORD,
  signInRider,
  signInSeller,
} from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');

beforeAll(async () => {
  ensureWebBuilds('customer', 'seller', 'rider');
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Notifications are written by a job after each step: waits until `api`'s person has `count` unread. */
async function unreadReaches(api: Api, count: number) {
  let unread = 0;
  for (let tries = 0; tries < 100; tries++) {
    unread = (await api.call('notifications', { query: { limit: 50 } })).unread_count;
    if (unread >= count) return unread;
    await sleep(200);
  }
  throw new Error(`only ${unread} unread notifications, wanted ${count}`);
}

async function phonePage(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

describe('notifications in the three web builds', () => {
  it('shows unread ones marked, a count on the way to them, and "Mark all read" clears it', async () => {
    const shop = await openShop(server);
    const customer = await newCustomer(server);
    const rider = await newRider(server);
    await deliverThroughApi(shop, customer, rider);
    // Customer: accepted … delivered; the shop: the new order and its delivery; the rider: the new delivery.
    const customerUnread = await unreadReaches(customer.api, 7);
    const sellerUnread = await unreadReaches(shop.api, 2);
    const riderUnread = await unreadReaches(rider.api, 1);
    await rider.api.call('setRiderStatus', { body: { status: 'offline' } });

    // The customer: the count beside "Updates" on their orders.
    {
      const { page, errors, close } = await phonePage();
      await page.goto(`${server.url}/customer/`);
      await page.getByLabel('Phone number').fill(customer.session.user.phone);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Shops near you' }).waitFor();
      await page.goto(`${server.url}/customer/orders`);
      const bell = page.getByRole('link', { name: `Updates, ${customerUnread} unread` });
      await bell.waitFor();
      await page.screenshot({ path: path.join(shots, 'customer-updates-badge.png') });
      await bell.click();
      await page.getByText(`${customerUnread} unread`).waitFor();
      await expect(page.getByRole('img', { name: 'Unread' }).count()).resolves.toBe(customerUnread);
      await page.screenshot({ path: path.join(shots, 'customer-notifications-unread.png') });
      await page.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('img', { name: 'Unread' }).first().waitFor({ state: 'detached' });
      await page.goBack();
      await page.getByRole('link', { name: 'Updates', exact: true }).waitFor();
      await page.screenshot({ path: path.join(shots, 'customer-notifications-read.png') });
      await expect(customer.api.call('notifications', { query: { limit: 1 } })).resolves.toMatchObject({
        unread_count: 0,
      });
      expect(errors).toEqual([]);
      await close();
    }

    // The seller: the count on the More tab, where the notifications live.
    {
      const { page, errors, close } = await phonePage();
      await signInSeller(page, server, shop.phone);
      const tab = page.getByRole('tab', { name: `More, ${sellerUnread} unread notifications` });
      await tab.waitFor();
      await tab.click();
      await page.getByText(`${sellerUnread} unread`).waitFor();
      await page.getByRole('img', { name: 'Unread' }).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, 'seller-notifications-unread.png') });
      await page.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('tab', { name: 'More', exact: true }).waitFor();
      await expect(page.getByRole('img', { name: 'Unread' }).count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await close();
    }

    // The rider: the count on the More tab and on its Notifications link.
    {
      const { page, errors, close } = await phonePage();
      await signInRider(page, server, rider.phone);
      await page.getByRole('tab', { name: `More, ${riderUnread} unread notifications` }).click();
      const link = page.getByRole('button', { name: `Notifications, ${riderUnread} unread` });
      await link.waitFor();
      await page.screenshot({ path: path.join(shots, 'rider-more-badge.png') });
      await link.click();
      await page.getByText(`${riderUnread} unread`).waitFor();
      await page.screenshot({ path: path.join(shots, 'rider-notifications-unread.png') });
      await page.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('img', { name: 'Unread' }).first().waitFor({ state: 'detached' });
      await page.goBack();
      await page.getByRole('tab', { name: 'More', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
      expect(errors).toEqual([]);
      await close();
    }
  });
});
