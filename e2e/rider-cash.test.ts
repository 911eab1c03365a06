import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { cashToCollect } from '@kupwara/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The kit's money format itself (pure): `@kupwara/shared/ui` as a whole needs React Native.
import { formatPaise } from '../packages/shared/src/ui/money';
import { launchBrowser, phone } from './browser';
import { deliveryForRider, offShiftAfterEach, operator, signInRider } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `rider-cash-${name}.png`) });

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

describe("a rider's cash on the rider web app", () => {
  it('is confirmed at the hand-over, held, handed over to an operator, and the rider sees what is left', async () => {
    const { rider, order, otp } = await deliveryForRider(server);
    offShiftAfter(rider);
    const total = cashToCollect(order.payment_method, order.total_paise);
    const cash = formatPaise(total);

    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const handOvers: unknown[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/orders/${order.id}/transitions`)) {
        const body = request.postDataJSON() as { to: string };
        if (body.to === 'DELIVERED') handOvers.push(body);
      }
    });
    await signInRider(page, server, rider.phone);
    await page.goto(`${server.url}/rider/delivery/${order.id}`);
    await page.getByRole('button', { name: 'Picked up', exact: true }).click();
    await page.getByRole('button', { name: 'Start the ride' }).click();
    await page.getByRole('button', { name: "I'm at the door" }).click();

    // The hand-over: the code, then the cash confirmed; Deliver waits for both.
    await page.getByRole('heading', { name: 'Hand it over' }).waitFor();
    await page.getByLabel("Customer's code").fill(otp);
    const tick = page.getByRole('checkbox', { name: `I have collected ${cash} in cash` });
    await expect(tick.getAttribute('aria-checked')).resolves.toBe('false');
    expect(await page.getByRole('button', { name: 'Deliver' }).isDisabled()).toBe(true);
    await tick.click();
    await expect(tick.getAttribute('aria-checked')).resolves.toBe('true');
    expect(await page.getByRole('button', { name: 'Deliver' }).isDisabled()).toBe(false);
    await shot(page, 'confirm');
    await page.getByRole('button', { name: 'Deliver' }).click();
    await page.getByText(`Cash collected: ${cash}`).waitFor();
    expect(handOvers).toEqual([expect.objectContaining({ to: 'DELIVERED', otp, cash_collected_paise: total })]);

    // The ledger has it once its job ran; then the Earnings tab leads to the cash in hand.
    await expect.poll(async () => (await rider.api.call('riderCash', {})).in_hand_paise).toBe(total);
    await page.getByRole('button', { name: 'Back to Work' }).click();
    await page.getByRole('tab', { name: 'Earnings' }).click();
    await page.getByRole('button', { name: new RegExp(`Cash you hold ${cash.replace('.', '\\.')}: see what`) }).click();
    await page.waitForURL('**/rider/cash');
    await page.getByLabel(`You hold ${cash} in cash`).waitFor();
    await page
      .getByLabel(new RegExp(`^\\d\\d:\\d\\d, Gulzar Kiryana: ${cash.replace('.', '\\.')} collected$`))
      .waitFor();
    await page.getByText('Nothing handed over in the last 30 days').waitFor();
    await shot(page, 'in-hand');

    // An operator counts ₹200 of it at the depot.
    const desk = await operator(server);
    const settled = await desk.api.call('recordCashSettlement', {
      params: { id: rider.session.user.id },
      body: { amount_paise: 20_000, note: 'Evening count at the depot' },
      idempotencyKey: `e2e-${randomUUID()}`,
    });
    const left = formatPaise(total - 20_000);
    expect(settled.in_hand_paise).toBe(total - 20_000);

    // The rider is told; the notification opens the cash, asked again: the hand-over and what is left.
    await page.goBack();
    await page.getByRole('tab', { name: 'More' }).click();
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const told = page.getByRole('button', { name: /^Unread, ₹200 handed over/ });
    await told.waitFor();
    await expect(page.getByText(`You now hold ${left}`).count()).resolves.toBe(1);
    await shot(page, 'notification');
    await told.click();
    await page.waitForURL('**/rider/cash');
    await page.getByLabel(`You hold ${left} in cash`).waitFor();
    await page.getByLabel(/^₹200 handed over today at \d\d:\d\d\. Evening count at the depot$/).waitFor();
    await shot(page, 'settled');

    // Back on Earnings, the cash held is the new sum too.
    await page.goto(`${server.url}/rider/earnings`);
    await page.getByText(`Cash you hold ${left}`).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
