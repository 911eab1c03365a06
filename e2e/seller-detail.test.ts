import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathBetween } from '@kupwara/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { apiClient, HERE, newCustomer, nextPhone, openShop, PASSWORD, signInSeller } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');
const counter = { viewport: { width: 1024, height: 768 } };

beforeAll(async () => {
  ensureWebBuilds();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

declare global {
  interface Window {
    /** Each document the page asked to print, in every frame (see `catchPrints`). */
    __printed?: string[];
  }
}

/**
 * Every frame's `print()` records its document on the top page instead of opening the dialog,
 * so the test reads what the printer would get.
 */
const catchPrints = () => {
  window.print = function print(this: Window) {
    const top = window.top ?? window;
    top.__printed = [...(top.__printed ?? []), document.documentElement.outerHTML];
  };
};

/** A point `metres` north of the shop, `secondsAgo` (a ride through town, not a jump the server refuses). */
const fix = (metresNorth: number, secondsAgo = 0) => ({
  points: [
    {
      lat: HERE.lat + metresNorth / 110_950,
      lng: HERE.lng,
      recorded_at: new Date(Date.now() - secondsAgo * 1000).toISOString(),
    },
  ],
});

async function riderTakes(orderId: string) {
  const rider = apiClient(
    server,
    await apiClient(server).call('register', {
      body: { role: 'rider', name: 'Bilal Mir', phone: nextPhone(), password: PASSWORD, vehicle_type: 'scooter' },
    }),
  );
  await rider.call('setRiderStatus', { body: { status: 'online' } });
  await rider.call('sendLocations', { body: fix(900, 120) });
  let offer: { id: string; order_id: string } | undefined;
  for (let tries = 0; !offer && tries < 100; tries++) {
    offer = (await rider.call('riderAssignments', {})).offers.find((each) => each.order_id === orderId);
    if (!offer) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await rider.call('acceptOffer', { params: { id: offer?.id ?? '' } });
  return rider;
}

const picked = (page: Page, text: string) => page.getByText(text, { exact: true }).filter({ visible: true }).first();

describe('one order on the seller web app', () => {
  it('ticks the lines off (kept over a reload), shows the rider coming and arriving, and prints the receipt', async () => {
    const shop = await openShop(server);
    const [rice, tea] = shop.products;
    const customer = await newCustomer(server, 'Shazia Bhat');
    const order = await customer.api.call('placeOrder', {
      idempotencyKey: `e2e-detail-${Date.now()}`,
      body: {
        store_id: shop.store.id,
        items: [
          { product_id: rice?.id ?? '', quantity: 2, unit_price_paise: rice?.price_paise ?? 0 },
          { product_id: tea?.id ?? '', quantity: 1, unit_price_paise: tea?.price_paise ?? 0 },
        ],
        delivery_address: {
          label: 'Home',
          text: 'Green gate behind the post office',
          location: { lat: HERE.lat + 0.01, lng: HERE.lng },
        },
        payment_method: 'cash',
        note: 'Ring twice & mind the <dog>',
      },
    });

    const context = await browser.newContext(phone);
    await context.addInitScript(catchPrints);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInSeller(page, server, shop.phone);
    // From the Orders tab's new orders.
    await page.getByTestId(`open-${order.id}`).click();
    await picked(page, '0 of 2 picked').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/seller/orders/${order.id}`);
    await page.getByText('Ring twice & mind the <dog>').filter({ visible: true }).first().waitFor();
    expect(await page.getByTestId('cash-to-collect').filter({ visible: true }).first().textContent()).toBe(
      `₹${(order.total_paise / 100).toFixed(2).replace(/\.00$/, '')}`,
    );
    await page.getByRole('checkbox', { name: '2 1 kg, Basmati Rice' }).click();
    await picked(page, '1 of 2 picked').waitFor();
    expect(await page.getByRole('checkbox', { name: '2 1 kg, Basmati Rice' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    await page.screenshot({ path: path.join(shots, 'seller-detail-phone.png') });

    // Closing the app (a reload) keeps the ticks.
    await page.reload();
    await picked(page, '1 of 2 picked').waitFor();

    // The shop moves it on; a rider takes it on the way to the shop.
    for (const { to } of pathBetween(order.status, 'PREPARING')) {
      await shop.api.call('transitionOrder', {
        params: { id: order.id },
        body: to === 'ACCEPTED' ? { to, prep_minutes: 15 } : { to },
      });
    }
    await page.getByRole('button', { name: 'Ready for pickup' }).filter({ visible: true }).first().click();
    const rider = await riderTakes(order.id);
    await page.getByText('Bilal Mir').filter({ visible: true }).first().waitFor();
    await page.getByText('Scooter').filter({ visible: true }).first().waitFor();
    await rider.call('sendLocations', { body: fix(600, 60) });
    await page
      .getByText(/^\d+ m away, at the shop in about \d+ min$/)
      .filter({ visible: true })
      .first()
      .waitFor();
    await page.getByTestId('rider-card').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'seller-detail-rider-phone.png') });
    // At the door: the phone keeps reporting, as it does, until the shop's screen says so (the
    // server passes on at most one position every two seconds).
    const arrived = page.getByText('Arrived', { exact: true }).filter({ visible: true }).first();
    while (!(await arrived.isVisible())) {
      await rider.call('sendLocations', { body: fix(20) });
      await arrived.waitFor({ timeout: 1000 }).catch(() => undefined);
    }
    await page.getByRole('button', { name: 'Call the rider' }).filter({ visible: true }).first().waitFor();

    // Printed for an 80 mm roll: the browser gets a page that wide with the whole order on it.
    await page.getByRole('button', { name: '80 mm' }).click();
    await page.getByRole('button', { name: 'Print a receipt for 80 mm paper' }).click();
    await page.waitForFunction(() => (window.__printed?.length ?? 0) > 0);
    const [printed = ''] = await page.evaluate(() => window.__printed ?? []);
    expect(printed).toContain('@page { size: 80mm auto; margin: 0; }');
    expect(printed).toContain('<h1>Gulzar Kiryana</h1>');
    expect(printed).toContain('Basmati Rice');
    expect(printed).toContain('<td class="qty">2×</td>');
    expect(printed).toContain('Ring twice &amp; mind the &lt;dog&gt;');
    expect(printed).toContain('CASH TO COLLECT');
    expect(errors).toEqual([]);
    await context.close();

    // The counter's laptop: two columns, and each roll as the printer lays it out.
    const wide = await browser.newContext(counter);
    await wide.addInitScript(catchPrints);
    const desk = await wide.newPage();
    await signInSeller(desk, server, shop.phone);
    await desk.goto(`${server.url}/seller/orders/${order.id}`);
    await desk.getByText('Arrived', { exact: true }).filter({ visible: true }).first().waitFor();
    const lines = await desk.getByText('To pick').filter({ visible: true }).first().boundingBox();
    const riderCard = await desk.getByTestId('rider-card').filter({ visible: true }).first().boundingBox();
    expect(riderCard && lines && riderCard.x > lines.x + lines.width).toBe(true);
    await desk.screenshot({ path: path.join(shots, 'seller-detail-rider-counter.png') });
    for (const mm of [58, 80] as const) {
      await desk
        .getByRole('button', { name: `${mm} mm` })
        .filter({ visible: true })
        .first()
        .click();
      await desk
        .getByRole('button', { name: `Print a receipt for ${mm} mm paper` })
        .filter({ visible: true })
        .first()
        .click();
      await desk.waitForFunction((count) => (window.__printed?.length ?? 0) >= count, mm === 58 ? 1 : 2);
      const html = (await desk.evaluate(() => window.__printed ?? [])).at(-1) ?? '';
      expect(html).toContain(`@page { size: ${mm}mm auto; margin: 0; }`);
      // The paper's width at the screen's 96 px an inch.
      const roll = await browser.newPage({
        viewport: { width: Math.round((mm / 25.4) * 96), height: 400 },
        deviceScaleFactor: 2,
      });
      await roll.setContent(html);
      const body = await roll.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(body.scroll).toBeLessThanOrEqual(body.client);
      await roll.screenshot({ path: path.join(shots, `seller-detail-receipt-${mm}.png`), fullPage: true });
      await roll.close();
    }
    await wide.close();
  });

  it('shows an order with no rider yet in two columns on the counter', async () => {
    const shop = await openShop(server, 'Lone Kiryana');
    const [rice] = shop.products;
    const customer = await newCustomer(server, 'Rafiq Dar');
    const order = await customer.api.call('placeOrder', {
      idempotencyKey: `e2e-detail-norider-${Date.now()}`,
      body: {
        store_id: shop.store.id,
        items: [{ product_id: rice?.id ?? '', quantity: 3, unit_price_paise: rice?.price_paise ?? 0 }],
        delivery_address: {
          label: 'Home',
          text: 'Near the Jamia Masjid',
          location: { lat: HERE.lat + 0.01, lng: HERE.lng },
        },
        payment_method: 'cash',
      },
    });
    const context = await browser.newContext(counter);
    const page = await context.newPage();
    await signInSeller(page, server, shop.phone);
    await page.goto(`${server.url}/seller/orders/${order.id}`);
    await picked(page, '0 of 1 picked').waitFor();
    await page
      .getByText('No rider yet. One is sent when the order is ready.')
      .filter({ visible: true })
      .first()
      .waitFor();
    await page.screenshot({ path: path.join(shots, 'seller-detail-counter.png') });
    await context.close();
  });
});
