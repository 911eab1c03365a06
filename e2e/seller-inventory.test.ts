import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Product } from '@kupwara/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { apiClient, HERE, nextPhone, PASSWORD } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');
const laptop = { viewport: { width: 1024, height: 768 } };

/** A shop with products on four shelves (one hidden, one sold out), its seller's session, and a customer nearby. */
async function openShop() {
  const seller = await apiClient(server).call('register', {
    body: { role: 'seller', name: 'Gulzar Ahmad', phone: nextPhone(), password: PASSWORD },
  });
  const api = apiClient(server, seller);
  const store = await api.call('createMyStore', {
    body: { name: 'Gulzar Kiryana', address: 'Old Bus Stand', location: HERE, delivery_radius_km: 5 },
  });
  const allDay = [
    { open: '00:00', close: '23:59' },
    { open: '23:59', close: '00:00' },
  ];
  const hours = { sun: allDay, mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay };
  await api.call('updateMyStore', { body: { version: 1, opening_hours: hours, categories: ['grocery'] } });
  const shelves = (await api.call('categories', {})).items.flatMap((node) => node.children);
  const shelf = (slug: string) => shelves.find((child) => child.slug === slug)?.id ?? null;
  const made: Record<string, Product> = {};
  for (const [name, price_paise, slug, extra] of [
    ['Basmati Rice', 12_000, 'rice-flour', {}],
    ['Kahwa Tea', 25_050, 'tea-beverages', {}],
    ['Kashmiri Saffron 1 g', 35_000, 'spices', { is_visible: false }],
    ['Walnut Kernels', 90_000, 'dry-fruits', { stock: 0 }],
    ['Moong Dal', 14_000, 'rice-flour', {}],
  ] as const) {
    made[name] = await api.call('createProduct', {
      body: { name, price_paise, unit: '1 kg', stock: 10, category_id: shelf(slug), ...extra },
    });
  }
  const customer = await apiClient(server).call('register', {
    body: { role: 'customer', name: 'Rafiq Dar', phone: nextPhone(), password: PASSWORD },
  });
  return { seller, api, store, made, customer };
}

let shop: Awaited<ReturnType<typeof openShop>>;

/** The seller's web app, signed in (the session as the app keeps it), on the Inventory tab. */
async function sellerAt(options: object = phone) {
  const context = await browser.newContext(options);
  await context.addInitScript(
    (session) => localStorage.setItem('kupwara.seller.session', session),
    JSON.stringify(shop.seller),
  );
  const page = await context.newPage();
  await page.goto(`${server.url}/seller/inventory`);
  await page.getByText('Kahwa Tea').first().waitFor();
  return { context, page };
}

/** Every edit of a product the page sent, as the server saw it asked. */
function editsSent(page: Page) {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH' && request.url().includes('/api/v1/seller/products/'))
      sent.push(request.headers()['idempotency-key'] ?? 'no key');
  });
  return sent;
}

const onServer = async (id: string) =>
  (await shop.api.call('sellerProducts', { query: { limit: 500 } })).items.find((p) => p.id === id);

async function shoot(page: Page, name: string) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  await page.screenshot({ path: path.join(shots, `seller-inventory-${name}.png`) });
}

beforeAll(async () => {
  ensureWebBuilds();
  await mkdir(shots, { recursive: true });
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  shop = await openShop();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the seller’s inventory on the web build', () => {
  it('lists every product, hidden and out-of-stock ones too, searchable and by shelf', async () => {
    const { context, page } = await sellerAt();
    await page.getByText('Kashmiri Saffron 1 g').waitFor();
    await page.getByText('Walnut Kernels').waitFor();
    // None left: out of stock to customers, so the switch says so.
    const walnuts = page.getByRole('switch', { name: 'Walnut Kernels in stock' });
    await expect(walnuts.getAttribute('aria-checked')).resolves.toBe('false');
    const dal = page.getByRole('switch', { name: 'Moong Dal in stock' });
    await expect(dal.getAttribute('aria-checked')).resolves.toBe('true');
    await shoot(page, 'list-360');
    await page.getByRole('button', { name: 'Rice & flour' }).click();
    await page.getByText('Kahwa Tea').waitFor({ state: 'detached' });
    expect(await page.getByText('Moong Dal').count()).toBe(1);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await page.getByLabel('Search products').fill('saffron');
    await page.getByText('Basmati Rice').waitFor({ state: 'detached' });
    expect(await page.getByText('Kashmiri Saffron 1 g').count()).toBe(1);
    await context.close();

    const wide = await sellerAt(laptop);
    await wide.page.getByText('Moong Dal').waitFor();
    await shoot(wide.page, 'list-1024');
    await wide.page.getByRole('button', { name: 'Edit Kahwa Tea' }).click();
    await wide.page.getByLabel('Price (₹)').waitFor();
    await shoot(wide.page, 'editor-1024');
    await wide.context.close();
  });

  it('sends an out-of-stock toggle made offline exactly once after reconnecting, and the customer sees it out of stock', async () => {
    const tea = shop.made['Kahwa Tea'];
    if (!tea) throw new Error('no tea');
    const { context, page } = await sellerAt();
    const sent = editsSent(page);
    await context.setOffline(true);
    const teaSwitch = page.getByRole('switch', { name: 'Kahwa Tea in stock' });
    await teaSwitch.click();
    await page.getByText('Not sent yet').waitFor();
    await expect(teaSwitch.getAttribute('aria-checked')).resolves.toBe('false');
    expect(sent).toEqual([]);
    await shoot(page, 'offline-360');
    await context.setOffline(false);
    await page.getByText('Not sent yet').waitFor({ state: 'detached', timeout: 30_000 });
    expect(sent).toHaveLength(1);
    expect(await onServer(tea.id)).toMatchObject({ is_available: false, version: tea.version + 1 });
    await context.close();

    const customer = await browser.newContext(phone);
    await customer.addInitScript(
      ([session, place]) => {
        localStorage.setItem('kupwara.customer.session', session);
        localStorage.setItem('kupwara.customer.place', place);
      },
      [JSON.stringify(shop.customer), JSON.stringify({ ...HERE, label: 'Home', source: 'map' })] as const,
    );
    const shelf = await customer.newPage();
    await shelf.goto(`${server.url}/customer/stores/${shop.store.id}`);
    await shelf.getByText('Kahwa Tea').waitFor();
    // Tea is sold out; rice still has its Add button; the hidden saffron is not there at all.
    expect(await shelf.getByRole('button', { name: 'Add Kahwa Tea' }).count()).toBe(0);
    expect(await shelf.getByRole('button', { name: 'Add Basmati Rice' }).count()).toBe(1);
    expect(await shelf.getByText('Out of stock').count()).toBe(2);
    expect(await shelf.getByText('Kashmiri Saffron 1 g').count()).toBe(0);
    await customer.close();
  });

  it('shows an edit that met a newer version beside the server’s, and applies it again', async () => {
    const rice = shop.made['Basmati Rice'];
    if (!rice) throw new Error('no rice');
    const { context, page } = await sellerAt();
    const sent = editsSent(page);
    await page.getByRole('button', { name: 'Stock of Basmati Rice: 10. Change' }).waitFor();
    // Meanwhile the counter's laptop counted the shelf: 4 left.
    await shop.api.call('updateProduct', { params: { id: rice.id }, body: { version: rice.version, stock: 4 } });
    await page.getByRole('button', { name: 'One more Basmati Rice' }).click();
    const card = page.getByTestId(`conflict-${rice.id}`);
    await card.waitFor();
    expect(await card.getByText('Stock: 11').count()).toBe(1);
    expect(await card.getByText('Stock: 4').count()).toBe(1);
    await shoot(page, 'conflict-360');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shoot(page, 'conflict-1024');
    await page.setViewportSize({ width: 360, height: 640 });
    await page.getByRole('button', { name: 'Apply mine again' }).click();
    await card.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Stock of Basmati Rice: 11. Change' }).waitFor();
    await page.getByText('Not sent yet').waitFor({ state: 'detached' });
    expect(sent).toHaveLength(2);
    expect(await onServer(rice.id)).toMatchObject({ stock: 11, version: rice.version + 2 });
    await context.close();
  });

  it('adds a product with a photo, showing the upload’s progress', async () => {
    const { context, page } = await sellerAt();
    await page.getByRole('button', { name: 'Add product' }).first().click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Apple Jam');
    await page.getByRole('textbox', { name: 'Price (₹)', exact: true }).fill('150');
    await page.getByRole('textbox', { name: 'Unit', exact: true }).fill('500 g');
    await page.getByRole('textbox', { name: 'Stock', exact: true }).fill('6');
    await shoot(page, 'editor-360');
    await page.getByRole('button', { name: 'Add product' }).last().click();
    await page.getByRole('button', { name: 'From the gallery' }).waitFor();
    // Whether the upload's progress bar was ever on the page, told by the page itself as it changes.
    await page.evaluate(() => {
      const flag = window as unknown as { sawProgress?: string };
      new MutationObserver(() => {
        const bar = document.querySelector('[role=progressbar]');
        if (bar) flag.sawProgress = bar.getAttribute('aria-label') ?? '';
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'From the gallery' }).click();
    await (await chooser).setFiles(path.join(repoRoot, 'e2e', 'fixtures', 'apple-jam.jpg'));
    await page.getByText(/^No photo yet/).waitFor({ state: 'detached', timeout: 30_000 });
    await shoot(page, 'editor-photo-360');
    expect(await page.evaluate(() => (window as unknown as { sawProgress?: string }).sawProgress)).toBe('Uploading');
    const jam = (await shop.api.call('sellerProducts', { query: { q: 'apple jam' } })).items[0];
    expect(jam).toMatchObject({ name: 'Apple Jam', price_paise: 15_000, stock: 6, unit: '500 g' });
    expect(jam?.images).toHaveLength(1);
    await context.close();
  });
});
