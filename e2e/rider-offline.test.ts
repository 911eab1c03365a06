import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { cashToCollect, type Order, pathBetween } from '@kupwara/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { deliveryForRider, offShiftAfterEach, signInRider } from './kit';
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

const offShiftAfter = offShiftAfterEach();

const rupees = (paise: number) => `₹${(paise / 100).toFixed(2).replace(/\.00$/, '')}`;
const CONFIRMING = 'Waiting to confirm the code — it is checked as soon as you have signal';

/** The rider, signed in on their phone, with the delivery open at the shop and the goods picked up (with signal). */
async function pickedUp() {
  const delivery = await deliveryForRider(server);
  offShiftAfter(delivery.rider);
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await signInRider(page, server, delivery.order.rider?.phone ?? '');
  await page.getByRole('button', { name: 'Gulzar Kiryana: Go to the shop. Open this delivery' }).click();
  await page.getByRole('button', { name: 'Picked up', exact: true }).click();
  await page.getByRole('heading', { name: 'Picked up: start the ride' }).waitFor();
  await until(delivery, (order) => order.status === 'PICKED_UP');
  return { ...delivery, context, page };
}

/** The order as the server has it, read until `done` holds (the app sends in the background). */
async function until(
  { customer, order }: Awaited<ReturnType<typeof deliveryForRider>>,
  done: (order: Order) => boolean,
) {
  for (let tries = 0; tries < 100; tries++) {
    const now = await customer.api.call('getOrder', { params: { id: order.id } });
    if (done(now)) return now;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server never had what the rider did');
}

async function handOver(page: Page, order: Order, code: string) {
  await page.getByLabel("Customer's code").fill(code);
  const cash = page.getByRole('checkbox', {
    name: `I have collected ${rupees(cashToCollect(order.payment_method, order.total_paise))} in cash`,
  });
  if ((await cash.getAttribute('aria-checked')) !== 'true') await cash.click();
  await page.getByRole('button', { name: 'Deliver' }).click();
}

describe('a delivery finished with no signal', () => {
  it('sends the steps in order on reconnect: one DELIVERED, with when the rider acted', async () => {
    const delivery = await pickedUp();
    const { page, context, order, otp } = delivery;
    await context.setOffline(true);
    const actedFrom = Date.now();
    await page.getByRole('button', { name: 'Start the ride' }).click();
    await page.getByRole('button', { name: "I'm at the door" }).click();
    await handOver(page, order, otp);
    await page.getByText(CONFIRMING).waitFor();
    const actedBy = Date.now();
    await page.screenshot({ path: path.join(shots, 'rider-offline-confirming.png') });
    // Nothing reached the server: it still has the goods picked up.
    expect((await delivery.customer.api.call('getOrder', { params: { id: order.id } })).status).toBe('PICKED_UP');
    // Back in signal a while later, as a rider coming up from a basement.
    await page.waitForTimeout(1_500);
    await context.setOffline(false);

    await page.getByText(/^You earned ₹/).waitFor();
    const done = await until(delivery, (now) => now.status === 'DELIVERED');
    const rider = done.timeline.filter((event) => event.actor === 'rider');
    expect(rider.map((event) => event.status)).toEqual(
      pathBetween(delivery.order.status, 'DELIVERED').map((step) => step.to),
    );
    for (const event of rider.slice(1)) {
      const occurred = Date.parse(event.occurred_at);
      expect([occurred >= actedFrom - 1_000, occurred <= actedBy + 1_000]).toEqual([true, true]);
      expect(occurred).toBeLessThan(Date.parse(event.recorded_at));
    }
    expect(done.timeline.filter((event) => event.status === 'DELIVERED')).toHaveLength(1);
    await context.close();
  });

  it('refuses a wrong code typed offline on reconnect, says how many tries are left, and delivers with the right one', async () => {
    const delivery = await pickedUp();
    const { page, context, order, otp } = delivery;
    await page.getByRole('button', { name: 'Start the ride' }).click();
    await page.getByRole('heading', { name: 'Take it to the customer' }).waitFor();
    await until(delivery, (now) => now.status === 'IN_TRANSIT');
    await context.setOffline(true);
    await page.getByRole('button', { name: "I'm at the door" }).click();
    await handOver(page, order, otp === '0000' ? '1111' : '0000');
    await page.getByText(CONFIRMING).waitFor();

    await context.setOffline(false);
    await page.getByText('Wrong code — 4 tries left').waitFor();
    await page.getByRole('heading', { name: 'Hand it over' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'rider-offline-wrong-code.png') });
    expect((await delivery.customer.api.call('getOrder', { params: { id: order.id } })).status).toBe('IN_TRANSIT');
    // The cash is still taken: only the code is typed again.
    expect(await page.getByRole('checkbox').getAttribute('aria-checked')).toBe('true');

    await handOver(page, order, otp);
    await page.getByText(/^You earned ₹/).waitFor();
    const done = await until(delivery, (now) => now.status === 'DELIVERED');
    expect(done.timeline.filter((event) => event.status === 'DELIVERED')).toHaveLength(1);
    await context.close();
  });
});
