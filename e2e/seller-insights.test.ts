import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type OrderStatus, pathBetween } from '@kupwara/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { apiClient, HERE, newCustomer, nextPhone, openShop, PASSWORD, signInSeller } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');

beforeAll(async () => {
  ensureWebBuilds('seller');
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A shop with three orders placed through the API today: one delivered, one rejected as out of stock, one waiting. */
async function shopWithADay() {
  const shop = await openShop(server);
  const [rice, tea] = shop.products;
  if (!rice || !tea) throw new Error('the shop has its two products');
  const customer = await newCustomer(server);
  const place = (lines: [typeof rice, number][]) =>
    customer.api.call('placeOrder', {
      idempotencyKey: `e2e-${randomUUID()}`,
      body: {
        store_id: shop.store.id,
        items: lines.map(([product, quantity]) => ({
          product_id: product.id,
          quantity,
          unit_price_paise: product.price_paise,
        })),
        delivery_address: { label: 'Home', text: 'Green gate', location: { lat: HERE.lat + 0.005, lng: HERE.lng } },
        payment_method: 'cash',
      },
    });
  const delivered = await place([
    [rice, 2],
    [tea, 1],
  ]);
  const rejected = await place([[rice, 1]]);
  await place([[tea, 1]]);

  const move = (api: typeof shop.api, id: string, from: OrderStatus, to: OrderStatus, otp?: string) =>
    pathBetween(from, to).reduce(
      (before, step) =>
        before.then(() =>
          api.call('transitionOrder', {
            params: { id },
            body: {
              to: step.to,
              ...(step.needs.includes('otp') ? { otp } : {}),
              ...(step.needs.includes('prep') ? { prep_minutes: 20 } : {}),
            },
          }),
        ),
      Promise.resolve({} as unknown),
    );
  await shop.api.call('transitionOrder', {
    params: { id: rejected.id },
    body: { to: 'REJECTED', reject_reason: 'out_of_stock' },
  });
  await move(shop.api, delivered.id, delivered.status, 'READY_FOR_PICKUP');

  // The nearest rider takes it and brings it, handed over with the customer's code.
  const rider = apiClient(
    server,
    await apiClient(server).call('register', {
      body: { role: 'rider', name: 'Bilal Mir', phone: nextPhone(), password: PASSWORD, vehicle_type: 'motorcycle' },
    }),
  );
  await rider.call('setRiderStatus', { body: { status: 'online' } });
  await rider.call('sendLocations', {
    body: { points: [{ lat: HERE.lat + 0.004, lng: HERE.lng, recorded_at: new Date().toISOString() }] },
  });
  let offer: { id: string } | undefined;
  for (let tries = 0; !offer && tries < 100; tries++) {
    offer = (await rider.call('riderAssignments', {})).offers[0];
    if (!offer) await sleep(200);
  }
  await rider.call('acceptOffer', { params: { id: offer?.id ?? '' } });
  const { delivery_otp: otp, status } = await customer.api.call('getOrder', { params: { id: delivered.id } });
  await move(rider, delivered.id, status, 'DELIVERED', otp);

  // The figures come from facts the server records just after each change.
  for (let tries = 0; tries < 100; tries++) {
    const figures = await shop.api.call('getMyAnalytics', { query: { range: 'today' } });
    if (figures.orders === 3 && figures.delivered_orders === 1 && figures.rejections.length === 1) break;
    await sleep(200);
  }
  return { shop, delivered };
}

describe('the seller’s Sales and More tabs', () => {
  it("show today's orders made through the API, and the seller's profile", async () => {
    const { shop, delivered } = await shopWithADay();
    /** Paise from the rupees a label shows ("₹1,234.50"). */
    const paiseIn = (label: string | null) => Math.round(Number(label?.replace(/^.*₹/, '').replace(/,/g, '')) * 100);
    for (const [name, viewport] of [
      ['phone', phone],
      ['counter', { viewport: { width: 1024, height: 768 } }],
    ] as const) {
      const context = await browser.newContext(viewport);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await signInSeller(page, server, shop.phone);
      await page.getByRole('tab', { name: 'Sales' }).click();
      await page.getByRole('heading', { name: 'Sales', level: 1 }).waitFor();
      const revenue = page.getByLabel(/^Revenue: ₹/);
      await revenue.waitFor();
      expect(paiseIn(await revenue.getAttribute('aria-label'))).toBe(delivered.total_paise);
      const basket = await page.getByLabel(/^Average basket: ₹/).getAttribute('aria-label');
      expect(paiseIn(basket)).toBe(delivered.total_paise);
      for (const figure of ['Orders: 3', 'Accepted: 50%', 'Out of stock: 1'])
        await expect(page.getByLabel(figure).count()).resolves.toBe(1);
      await expect(page.getByLabel(/^1\. Basmati Rice: 2 · ₹240$/).count()).resolves.toBe(1);
      await expect(page.getByLabel(/^2\. Kahwa Tea: 1 · ₹250.50$/).count()).resolves.toBe(1);
      // The chart is drawn: one bar per hour.
      const chart = page.getByTestId('sales-by-hour');
      await chart.locator('svg').first().waitFor();
      await expect(chart.getAttribute('aria-label')).resolves.toMatch(/^Orders by hour\. Busiest \d\d:00–\d\d:00/);
      await expect(page.getByLabel('Average preparation: under 1 min').count()).resolves.toBe(1);
      await page.screenshot({ path: path.join(shots, `seller-insights-${name}.png`) });
      await page.getByRole('heading', { name: 'Cancelled' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `seller-insights-lists-${name}.png`) });

      await page.getByRole('button', { name: '7 days' }).click();
      await page.getByTestId('sales-by-day').waitFor();
      await page.getByTestId('sales-by-day').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `seller-insights-week-${name}.png`) });

      await page.getByRole('tab', { name: 'More' }).click();
      await page.getByText('Shop: Gulzar Kiryana').waitFor();
      await page.getByText('Gulzar Ahmad').waitFor();
      await page.getByText('Order delivered').first().waitFor();
      await page.screenshot({ path: path.join(shots, `seller-insights-more-${name}.png`) });
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
