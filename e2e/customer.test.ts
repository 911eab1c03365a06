import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathBetween, type Session } from '@kupwara/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { ALWAYS_OPEN, apiClient, HERE, nextPhone } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');
/** The shared client, signed in as `session` or nobody: the test sets things up the way the apps would. */
const client = (session: Session | null = null) => apiClient(server, session);

async function openShop() {
  const seller = await client().call('register', {
    body: { role: 'seller', name: 'Gulzar Ahmad', phone: nextPhone(), password: 'chinar-leaf-42' },
  });
  const api = client(seller);
  await api.call('createMyStore', {
    body: { name: 'Gulzar Kiryana', address: 'Old Bus Stand', location: HERE, delivery_radius_km: 5 },
  });
  await api.call('updateMyStore', { body: { version: 1, opening_hours: ALWAYS_OPEN, categories: ['grocery'] } });
  // On two shelves, so the shop's screen shows its shelf chips.
  const shelves = (await api.call('categories', {})).items.flatMap((node) => node.children);
  const shelf = (slug: string) => shelves.find((child) => child.slug === slug)?.id ?? null;
  const products = [];
  for (const [name, price_paise, slug] of [
    ['Basmati Rice', 12_000, 'rice-flour'],
    ['Kahwa Tea', 25_050, 'tea-beverages'],
  ] as const) {
    products.push(
      await api.call('createProduct', {
        body: { name, price_paise, unit: '1 kg', stock: 50, category_id: shelf(slug) },
      }),
    );
  }
  return { api, products };
}

let shop: Awaited<ReturnType<typeof openShop>>;

async function signUp(page: Page, name: string) {
  await page.goto(`${server.url}/customer/`);
  await page.getByText('New here? Create an account').click();
  await page.getByLabel('Your name').fill(name);
  const number = nextPhone();
  await page.getByLabel('Phone number').fill(number);
  await page.getByLabel('Password').fill('walnut-tree-77');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Shops near you' }).waitFor();
  return number;
}

/** A new customer at the shop's doorstep with a Kahwa Tea in the cart, on the cart screen, as the network drops. */
async function offlineWithTeaInCart(name: string) {
  const context = await browser.newContext({
    ...phone,
    geolocation: { latitude: HERE.lat, longitude: HERE.lng },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  await signUp(page, name);
  await page.getByRole('button', { name: 'Choose where to deliver' }).first().click();
  await page.getByRole('button', { name: 'Use my current location' }).click();
  await page.getByText('Gulzar Kiryana').click();
  await page.getByRole('button', { name: 'Add Kahwa Tea' }).click();
  await page.getByRole('button', { name: /View cart · 1 item/ }).click();
  await context.setOffline(true);
  return { context, page };
}

/**
 * The shop's shelf chips are one row as tall as a chip, with the products right under it (a
 * sideways scroll row once grew to fill the column, drawing each chip as a tall oval).
 */
async function expectShelvesOneChipTall(page: Page) {
  const row = await page.getByTestId('shelf-chips').boundingBox();
  const chip = await page.getByRole('button', { name: 'Rice & flour' }).boundingBox();
  const product = await page.getByText('Basmati Rice', { exact: true }).boundingBox();
  if (!row || !chip || !product) throw new Error('the shelf chips or the products are not on the screen');
  expect(chip.height).toBeLessThan(60);
  expect(row.height).toBeLessThanOrEqual(chip.height + 0.5);
  expect(product.y - (row.y + row.height)).toBeLessThan(80);
}

/** Waits until the element stops moving (a sheet sliding up), so a screenshot shows it in place. */
async function settled(element: Locator) {
  let before = await element.boundingBox();
  for (;;) {
    await element.page().evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    const now = await element.boundingBox();
    if (now && before && now.x === before.x && now.y === before.y) return;
    before = now;
  }
}

/** The customer's orders as the server has them, with the token the web app keeps. */
async function serverOrders(page: Page) {
  const saved = await page.evaluate(() => localStorage.getItem('kupwara.customer.session'));
  const session = JSON.parse(saved ?? 'null') as Session;
  return (await client(session).call('listOrders', { query: {} })).items;
}

beforeAll(async () => {
  ensureWebBuilds();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await mkdir(shots, { recursive: true });
  shop = await openShop();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the customer web app', () => {
  it('signs up, finds the shop, fills a cart and places an order that the server has as PENDING', async () => {
    const context = await browser.newContext({
      ...phone,
      geolocation: { latitude: HERE.lat, longitude: HERE.lng },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signUp(page, 'Shabnam Bhat');
    await page.screenshot({ path: path.join(shots, 'customer-home-empty.png') });

    await page.getByRole('button', { name: 'Choose where to deliver' }).first().click();
    await page.getByRole('button', { name: 'Use my current location' }).click();
    await page.getByText('Gulzar Kiryana').waitFor();
    await page.screenshot({ path: path.join(shots, 'customer-home.png') });

    await page.getByText('Gulzar Kiryana').click();
    await page.getByRole('button', { name: 'Rice & flour' }).waitFor();
    await expectShelvesOneChipTall(page);
    await page.getByRole('button', { name: 'Add Basmati Rice' }).click();
    await page.getByRole('button', { name: 'One more Basmati Rice' }).click();
    await page.getByRole('button', { name: 'Add Kahwa Tea' }).click();
    await page.screenshot({ path: path.join(shots, 'customer-shop.png') });
    await page.getByRole('button', { name: /View cart · 3 items/ }).click();
    await page.getByLabel('House and street').fill('House 7, Post Office Road');
    await page.getByLabel('Landmark for the rider (optional)').fill('Green gate behind the post office');
    await page.screenshot({ path: path.join(shots, 'customer-cart.png') });
    await page.getByRole('button', { name: 'Place order' }).click();

    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    await page.getByText('Placed').first().waitFor();
    const orders = await serverOrders(page);
    expect(
      orders.map((order) => [order.status, order.item_count, order.total_paise - 2 * 12_000 - 25_050 > 0]),
    ).toEqual([['PENDING', 3, true]]);
    await page.screenshot({ path: path.join(shots, 'customer-orders.png') });

    await page.getByTestId(`order-${orders[0]?.id}`).click();
    await page.getByTestId('delivery-code').waitFor();
    await page.getByText('Landmark: Green gate behind the post office').waitFor();
    await page.screenshot({ path: path.join(shots, 'customer-tracking.png') });

    // The order's link (as a notification or a shared URL opens it) lands on its tracking screen.
    const linked = await context.newPage();
    await linked.goto(`${server.url}/customer/orders/${orders[0]?.id}`);
    await linked.getByTestId('delivery-code').waitFor();
    await linked.getByText('Basmati Rice').filter({ visible: true }).first().waitFor();

    // The shop gets it ready; the nearest rider takes it and rides: the customer watches.
    const orderId = orders[0]?.id ?? '';
    const placedAs = orders[0]?.status ?? 'PENDING';
    for (const { to, needs } of pathBetween(placedAs, 'READY_FOR_PICKUP')) {
      const prep = needs.includes('prep') ? { prep_minutes: 20 } : {};
      await shop.api.call('transitionOrder', { params: { id: orderId }, body: { to, ...prep } });
    }
    await linked.getByText('Ready for pickup').filter({ visible: true }).first().waitFor();
    const rider = client(
      await client().call('register', {
        body: {
          role: 'rider',
          name: 'Bilal Mir',
          phone: nextPhone(),
          password: 'chinar-leaf-42',
          vehicle_type: 'motorcycle',
        },
      }),
    );
    await rider.call('setRiderStatus', { body: { status: 'online' } });
    const fix = (metresNorth: number) => ({
      points: [{ lat: HERE.lat + metresNorth / 110_950, lng: HERE.lng, recorded_at: new Date().toISOString() }],
    });
    await rider.call('sendLocations', { body: fix(900) });
    let offer: { id: string } | undefined;
    for (let tries = 0; !offer && tries < 100; tries++) {
      offer = (await rider.call('riderAssignments', {})).offers[0];
      if (!offer) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await rider.call('acceptOffer', { params: { id: offer?.id ?? '' } });
    await rider.call('sendLocations', { body: fix(600) });
    await linked.getByText(/Rider is \d+ m from the shop/).waitFor();
    await linked.getByText('Rider', { exact: true }).waitFor();
    await linked.screenshot({ path: path.join(shots, 'customer-tracking-rider.png') });
    await linked.getByRole('button', { name: 'Call the rider' }).scrollIntoViewIfNeeded();
    await linked.getByText('Total', { exact: true }).scrollIntoViewIfNeeded();
    await linked.screenshot({ path: path.join(shots, 'customer-tracking-lines.png') });

    // What the customer was told, each leading to its order.
    await page.goto(`${server.url}/customer/notifications`);
    await page.getByText('Rider on the way to the shop').waitFor();
    await page.screenshot({ path: path.join(shots, 'customer-notifications.png') });
    await page.getByText('Rider on the way to the shop').click();
    await page.getByTestId('delivery-code').filter({ visible: true }).waitFor();

    // Saving the place as an address: offered again in "Where should we deliver?".
    await page.goto(`${server.url}/customer/profile`);
    await page.getByLabel('Name this place (Home, Work…)').fill('Home');
    await page.getByRole('button', { name: 'Save this place' }).click();
    await page.getByRole('button', { name: 'Remove Home' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'customer-profile.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps an order made offline, shows it waiting, and sends it exactly once when back online', async () => {
    const { context, page } = await offlineWithTeaInCart('Rafiq Dar');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText('Waiting for network').waitFor();
    await page
      .getByText(/You.re offline/)
      .filter({ visible: true })
      .first()
      .waitFor();
    await page.screenshot({ path: path.join(shots, 'customer-offline-order.png') });

    await context.setOffline(false);
    await page.getByText('Waiting for network').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByText('Placed').first().waitFor();
    const orders = await serverOrders(page);
    expect(orders.map((order) => [order.status, order.item_count])).toEqual([['PENDING', 1]]);
    await context.close();
  });

  it('asks before signing out with an order still waiting, and cancels that order before anything is sent', async () => {
    const { context, page } = await offlineWithTeaInCart('Zahoor Wani');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText('Waiting for network').waitFor();

    // Back to the start through the app (the page cannot be loaded again offline), then the profile.
    await page.getByRole('button', { name: 'Back' }).filter({ visible: true }).first().click();
    await page.getByRole('button', { name: 'Back' }).filter({ visible: true }).first().click();
    await page.getByRole('heading', { name: 'Shops near you' }).waitFor();
    await page.getByText('Profile', { exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('1 change has not been sent yet. If you sign out now, it will be lost.').waitFor();
    await settled(page.getByRole('button', { name: 'Keep waiting' }));
    await page.screenshot({ path: path.join(shots, 'customer-sign-out-waiting.png') });
    await page.getByRole('button', { name: 'Keep waiting' }).click();
    await page.getByText('Sign out?').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    await page.getByRole('button', { name: 'Back' }).filter({ visible: true }).first().click();
    await page.getByText('Your orders', { exact: true }).click();
    await page.getByTestId('queued-order').getByRole('button', { name: 'Cancel order' }).click();
    await page.getByText('Your order was cancelled before it was sent.').waitFor();
    await page.getByText('Waiting for network').waitFor({ state: 'detached' });
    await page.getByText('No orders yet').waitFor();
    await page.screenshot({ path: path.join(shots, 'customer-cancelled-unsent.png') });

    await context.setOffline(false);
    await page.waitForTimeout(2000);
    expect(await serverOrders(page)).toEqual([]);
    await context.close();
  });

  it('shows a price changed before the order reached the shop, and orders the cart again at the new price', async () => {
    const context = await browser.newContext({
      ...phone,
      geolocation: { latitude: HERE.lat, longitude: HERE.lng },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await signUp(page, 'Mehmood Wani');
    await page.getByRole('button', { name: 'Choose where to deliver' }).first().click();
    await page.getByRole('button', { name: 'Use my current location' }).click();
    await page.getByText('Gulzar Kiryana').click();
    await page.getByRole('button', { name: 'Add Kahwa Tea' }).click();
    await page.getByRole('button', { name: /View cart · 1 item/ }).click();

    const storeId = shop.products[0]?.store_id ?? '';
    const now = await shop.api.call('storeProducts', { params: { id: storeId }, query: { q: 'Kahwa' } });
    const tea = now.items[0];
    await shop.api.call('updateProduct', {
      params: { id: tea?.id ?? '' },
      body: { version: tea?.version ?? 1, price_paise: 27_500, mrp_paise: 30_000 },
    });
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText('Kahwa Tea now costs ₹275 (was ₹250.50).').waitFor();
    await page.screenshot({ path: path.join(shots, 'customer-price-changed.png') });
    expect(await serverOrders(page)).toEqual([]);

    await page.getByRole('button', { name: 'Update my cart' }).click();
    await page.getByText('The shop changed some prices').filter({ visible: true }).waitFor();
    await page.screenshot({ path: path.join(shots, 'customer-cart-repriced.png') });
    await page.getByRole('button', { name: 'Place order' }).filter({ visible: true }).click();
    await page.getByText('Placed').filter({ visible: true }).first().waitFor();
    const orders = await serverOrders(page);
    expect(orders.map((order) => [order.status, order.item_count])).toEqual([['PENDING', 1]]);
    await context.close();
  });

  it('opens the shops and the catalog it has seen when the server cannot be reached', async () => {
    const context = await browser.newContext({
      ...phone,
      geolocation: { latitude: HERE.lat, longitude: HERE.lng },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await signUp(page, 'Nusrat Lone');
    await page.getByRole('button', { name: 'Choose where to deliver' }).first().click();
    await page.getByRole('button', { name: 'Use my current location' }).click();
    await page.getByText('Gulzar Kiryana').click();
    await page.getByText('Basmati Rice').filter({ visible: true }).waitFor();
    // The cache is written to the phone a second after it changes.
    await page.waitForTimeout(1500);
    await page.goto(`${server.url}/customer/orders`);
    await page.getByText('No orders yet').filter({ visible: true }).waitFor();
    await page.waitForTimeout(1500);

    // The page loads, but no API call gets through: what was seen comes from the phone.
    await context.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/customer/`);
    await page.getByText('Gulzar Kiryana').waitFor();
    await page.getByText('Gulzar Kiryana').click();
    await page.getByText('Basmati Rice').filter({ visible: true }).waitFor();
    await page.screenshot({ path: path.join(shots, 'customer-shop-from-cache.png') });
    await context.close();
  });
});
