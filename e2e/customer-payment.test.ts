import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { formatPaise, type Session } from '@kupwara/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeRazorpay, startFakeRazorpay } from '../backend/test/fake-razorpay';
import { launchBrowser, phone } from './browser';
import { apiClient, HERE, nextPhone, openShop } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

// Paying online in the customer's web build, through the fake gateway's own checkout script: the
// server knows only the gateway's address, keys and script, as it would know Razorpay's.
const keys = {
  keyId: 'rzp_test_kupwara01',
  keySecret: 'test-key-secret-kupwara',
  webhookSecret: 'test-webhook-secret',
};

let gateway: FakeRazorpay;
let server: RunningServer;
let browser: Browser;
let shop: Awaited<ReturnType<typeof openShop>>;
const shots = path.join(repoRoot, 'e2e', 'screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `customer-pay-${name}.png`) });

beforeAll(async () => {
  ensureWebBuilds('customer');
  gateway = await startFakeRazorpay(keys);
  [server, browser] = await Promise.all([
    startServer({
      env: {
        PAYMENT_GATEWAY: 'razorpay',
        RAZORPAY_KEY_ID: keys.keyId,
        RAZORPAY_KEY_SECRET: keys.keySecret,
        RAZORPAY_WEBHOOK_SECRET: keys.webhookSecret,
        RAZORPAY_API_URL: gateway.url,
        RAZORPAY_CHECKOUT_URL: gateway.checkoutUrl,
      },
    }),
    launchBrowser(),
  ]);
  await mkdir(shots, { recursive: true });
  shop = await openShop(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await gateway?.close();
});

/** A new shopper at the shop's doorstep with a Kahwa Tea and a Basmati Rice in the cart, on the cart screen. */
async function shopperWithCart(name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...phone,
    geolocation: { latitude: HERE.lat, longitude: HERE.lng },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/customer/`);
  await page.getByText('New here? Create an account').click();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Phone number').fill(nextPhone());
  await page.getByLabel('Password').fill('walnut-tree-77');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Shops near you' }).waitFor();
  await page.getByRole('button', { name: 'Choose where to deliver' }).first().click();
  await page.getByRole('button', { name: 'Use my current location' }).click();
  await page.getByText('Gulzar Kiryana').click();
  await page.getByRole('button', { name: 'Add Kahwa Tea' }).click();
  await page.getByRole('button', { name: 'Add Basmati Rice' }).click();
  await page.getByRole('button', { name: /View cart · 2 items/ }).click();
  await page.getByLabel('House and street').fill('House 7, Post Office Road');
  return { context, page };
}

/** The shopper's orders as the server has them, with the token the web app keeps. */
async function serverOrders(page: Page) {
  const saved = await page.evaluate(() => localStorage.getItem('kupwara.customer.session'));
  const session = JSON.parse(saved ?? 'null') as Session;
  return (await apiClient(server, session).call('listOrders', { query: {} })).items;
}

/** The ids of the orders the shop's seller can see. */
async function shopSees() {
  return (await shop.api.call('listOrders', { query: {} })).items.map((order) => order.id);
}

/** Picks paying online and places the order: the order's screen opens and the fake checkout over it. */
async function placeOnline(page: Page) {
  await page.getByRole('radio', { name: /^Pay online/ }).click();
  await page.getByRole('button', { name: 'Place order and pay' }).scrollIntoViewIfNeeded();
  await shot(page, 'cart');
  await page.getByRole('button', { name: 'Place order and pay' }).click();
  await page.getByTestId('fake-checkout-pay').waitFor();
  const [order] = await serverOrders(page);
  if (!order) throw new Error('the order was not placed');
  return order;
}

/**
 * The order's screen once paid, shot twice: as the payment is confirmed (its toast), then with its
 * payment line and history in view once the toast has gone.
 */
async function expectPaid(page: Page, totalPaise: number, name: string) {
  await page.getByText('Paid: your order is with the shop').waitFor();
  await page.getByTestId('awaiting-payment').waitFor({ state: 'detached' });
  await page.getByLabel(/^Placed, current step/).waitFor();
  await shot(page, name);
  await page.getByText('Paid: your order is with the shop').waitFor({ state: 'detached' });
  const summary = page.getByTestId('payment-summary');
  await summary.getByText(`Paid online ${formatPaise(totalPaise)}`).waitFor();
  await summary.getByText('Online payment · UPI · paid').waitFor();
  await summary.scrollIntoViewIfNeeded();
  await shot(page, `${name}-line`);
}

/** The gateway orders made for the order: one, however often the customer opens the checkout. */
const gatewayOrdersOf = (orderId: string) =>
  [...gateway.orders.values()].filter((each) => each.receipt === orderId).map((each) => [each.amount, each.status]);

describe('paying online in the customer web app', () => {
  it('pays in the checkout that opens after placing: the order is placed and paid, and only then does the shop see it', async () => {
    const { context, page } = await shopperWithCart('Shabnam Bhat');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const order = await placeOnline(page);
    expect([order.status, order.item_count]).toEqual(['AWAITING_PAYMENT', 2]);
    await shot(page, 'checkout');
    expect(await shopSees()).not.toContain(order.id);

    await page.getByTestId('fake-checkout-pay').click();
    await expectPaid(page, order.total_paise, 'paid');
    expect((await serverOrders(page)).map((each) => [each.id, each.status])).toEqual([[order.id, 'PENDING']]);
    expect(gatewayOrdersOf(order.id)).toEqual([[order.total_paise, 'paid']]);
    expect(await shopSees()).toContain(order.id);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('closes the checkout unpaid, waits for payment with Pay ₹X, and pays from the order screen', async () => {
    const { context, page } = await shopperWithCart('Rafiq Dar');
    const order = await placeOnline(page);
    await page.getByTestId('fake-checkout-cancel').click();

    const amount = formatPaise(order.total_paise);
    const card = page.getByTestId('awaiting-payment');
    await card.getByText('Payment not finished', { exact: false }).waitFor();
    await card.getByText(/\d+:\d\d left to pay/).waitFor();
    await shot(page, 'waiting');
    expect(await shopSees()).not.toContain(order.id);

    // The orders list says so too.
    await page.goto(`${server.url}/customer/orders`);
    await page.getByTestId(`order-${order.id}`).getByText('Waiting for payment').waitFor();
    await shot(page, 'orders-waiting');

    await page.getByTestId(`order-${order.id}`).click();
    await page.getByRole('button', { name: `Pay ${amount}` }).click();
    await page.getByTestId('fake-checkout-pay').waitFor();
    await shot(page, 'checkout-again');
    await page.getByTestId('fake-checkout-pay').click();
    await expectPaid(page, order.total_paise, 'paid-later');
    expect(await shopSees()).toContain(order.id);
    expect(gatewayOrdersOf(order.id)).toEqual([[order.total_paise, 'paid']]);
    await context.close();
  });
});
