import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { apiClient, HERE, nextPhone, PASSWORD } from './kit';
import { ensureWebBuilds, type RunningServer, repoRoot, startServer } from './server';

let server: RunningServer;
let browser: Browser;
const shots = path.join(repoRoot, 'e2e', 'screenshots');
const counter = { viewport: { width: 1024, height: 768 } };
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `seller-shop-${name}.png`) });

beforeAll(async () => {
  ensureWebBuilds();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A new seller signed up in the browser, on the set-up screen, standing in their shop. */
async function newSeller(viewport: object) {
  const context = await browser.newContext({
    ...viewport,
    geolocation: { latitude: HERE.lat, longitude: HERE.lng },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  const number = nextPhone();
  await page.goto(`${server.url}/seller/`);
  await page.getByText('New shop? Create an account').click();
  await page.getByLabel('Your name').fill('Nazir Lone');
  await page.getByLabel('Phone number').fill(number);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Set up your shop', level: 1 }).waitFor();
  const session = await apiClient(server).call('login', { body: { phone: number, password: PASSWORD } });
  return { context, page, api: apiClient(server, session) };
}

async function setUp(page: Page, name: string) {
  await page.getByLabel('Shop name').fill(name);
  await page.getByLabel('Shop phone (customers and riders call it)').fill('94191 00007');
  await page.getByLabel('Address (street, landmark)').fill('Near the Jamia Masjid, Kupwara');
  await page.getByRole('button', { name: 'Use my current location' }).click();
  await page.getByText(`Point: ${HERE.lat.toFixed(5)}, ${HERE.lng.toFixed(5)}`).waitFor();
  await page.getByLabel('Minimum order (₹, 0 for none)').fill('100');
  await page.getByRole('button', { name: 'Grocery' }).click();
}

describe('the shop in the seller web app', () => {
  it('sets up a new shop, keeps its hours with a Friday prayer break, and pauses it until it resumes by itself', async () => {
    const { context, page, api } = await newSeller(phone);
    await shot(page, 'setup-phone');
    await setUp(page, 'Lone Bakers');
    // The plan takes a click as the shop's point, to scale: a click right of the centre is east.
    await page.getByTestId('point-plan').scrollIntoViewIfNeeded();
    const plan = await page.getByTestId('point-plan').boundingBox();
    if (!plan) throw new Error('no plan');
    await page.mouse.click(plan.x + plan.width * 0.75, plan.y + plan.height / 2);
    await page.getByRole('button', { name: 'The shop is here' }).click();
    const east = await page.getByTestId('shop-point').textContent();
    const [, lat, lng] = /Point: ([\d.]+), ([\d.]+)/.exec(east ?? '') ?? [];
    expect(Number(lat)).toBeCloseTo(HERE.lat, 3);
    // Half of the plan's 1 km half-width east: about 500 m, in degrees of longitude here.
    expect((Number(lng) - HERE.lng) * 110_950 * Math.cos((HERE.lat * Math.PI) / 180)).toBeGreaterThan(400);
    await page.getByRole('button', { name: 'Open my shop' }).click();
    await page.getByRole('heading', { name: 'Your shop', level: 1 }).waitFor();

    // The shop is opened, then given its phone, minimum and categories: the second call may still be on its way.
    await expect.poll(async () => (await api.call('getMyStore', {})).version).toBe(2);
    const made = await api.call('getMyStore', {});
    expect(made).toMatchObject({
      name: 'Lone Bakers',
      phone: '94191 00007',
      address: 'Near the Jamia Masjid, Kupwara',
      min_order_paise: 10_000,
      categories: ['grocery'],
      delivery_radius_km: 3,
    });
    expect(made.location.lng).toBeCloseTo(Number(lng), 5);

    // Open 24 hours every day, then Friday's prayer break, in four taps.
    const monday = page.getByTestId('hours-mon');
    await monday.getByRole('button', { name: 'Open 24 hours' }).click();
    await monday.getByRole('button', { name: 'Copy Monday to every day' }).click();
    const friday = page.getByTestId('hours-fri');
    await friday.getByRole('button', { name: 'Friday prayer break 13:00–14:30' }).click();
    await expect(friday.getByLabel('Closes 1').inputValue()).resolves.toBe('13:00');
    await friday.scrollIntoViewIfNeeded();
    await shot(page, 'hours-phone');
    await page.getByRole('button', { name: 'Save hours' }).click();
    await page.getByText('Saved').waitFor();
    const kept = await api.call('getMyStore', {});
    const whole = [{ open: '00:00', close: '24:00' }];
    expect(kept.opening_hours).toEqual({
      mon: whole,
      tue: whole,
      wed: whole,
      thu: whole,
      fri: [
        { open: '00:00', close: '13:00' },
        { open: '14:30', close: '24:00' },
      ],
      sat: whole,
      sun: whole,
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'tab-phone');

    // Busy mode from the bar above the tabs: pausing for 30 minutes reaches the customer's page.
    const customer = await browser.newContext(phone);
    const shopper = await customer.newPage();
    await signUpCustomer(shopper);
    await shopper.goto(`${server.url}/customer/stores/${kept.id}`);
    await shopper.getByRole('heading', { name: 'Lone Bakers' }).waitFor();
    expect(await shopper.getByText(/^Paused · back at/).count()).toBe(0);

    await page.getByRole('button', { name: 'Busy mode' }).click();
    const sheet = page.getByTestId('busy-sheet');
    await sheet.getByText('Not busy: orders come in as usual.').waitFor();
    await settled(sheet.getByRole('button', { name: 'Pause new orders for 30 min' }));
    await shot(page, 'busy-phone');
    await sheet.getByRole('button', { name: 'Pause new orders for 30 min' }).click();
    const pausedButton = page.getByRole('button', { name: /^Paused until \d\d:\d\d$/ });
    await pausedButton.waitFor();
    const paused = await api.call('getMyStore', {});
    const back = clock(paused.paused_until ?? '');
    expect(await pausedButton.textContent()).toBe(`Paused until ${back}`);
    await shopper.reload();
    await shopper.getByText(`Paused · back at ${back}`).waitFor();

    // A short pause (the API takes minutes as a fraction): both screens lift it by themselves at its time.
    const short = await api.call('setBusyMode', { body: { mode: 'pause', minutes: 0.1 } });
    await page.getByRole('button', { name: `Paused until ${clock(short.paused_until ?? '')}` }).waitFor();
    await shopper.reload();
    await shopper.getByText(`Paused · back at ${clock(short.paused_until ?? '')}`).waitFor();
    await shopper.getByText(/^Paused · back at/).waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('button', { name: 'Busy mode' }).waitFor({ timeout: 15_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(short.paused_until ?? ''));
    await customer.close();
    await context.close();
  });

  it('lays set-up, the hours and busy mode out in two columns at the counter, and takes a logo', async () => {
    const { context, page, api } = await newSeller(counter);
    await shot(page, 'setup-counter');
    await setUp(page, 'Mir Medicos');
    await page.getByRole('button', { name: 'Open my shop' }).click();
    await page.getByRole('heading', { name: 'Your shop', level: 1 }).waitFor();
    // Days side by side: Monday and Tuesday on one row.
    const mon = await page.getByTestId('hours-mon').boundingBox();
    const tue = await page.getByTestId('hours-tue').boundingBox();
    expect(tue?.x).toBeGreaterThan((mon?.x ?? 0) + (mon?.width ?? 0) - 1);
    expect(Math.abs((tue?.y ?? 0) - (mon?.y ?? 0))).toBeLessThan(2);
    // A logo from the computer's files goes through the WebP pipeline and shows.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose logo' }).click();
    await (await chooser).setFiles(path.join(shots, 'seller-shop-setup-counter.png'));
    await expect.poll(async () => (await api.call('getMyStore', {})).logo?.variants.length ?? 0).toBeGreaterThan(0);
    await page.getByRole('img', { name: 'Logo' }).waitFor();
    await shot(page, 'tab-counter');
    await page.getByTestId('hours-fri').scrollIntoViewIfNeeded();
    await shot(page, 'hours-counter');
    await page.getByRole('button', { name: 'Busy mode' }).click();
    await page.getByTestId('busy-sheet').getByText('Not busy: orders come in as usual.').waitFor();
    await settled(page.getByTestId('busy-sheet').getByRole('button', { name: 'Pause new orders for 30 min' }));
    await shot(page, 'busy-counter');
    await context.close();
  });
});

async function signUpCustomer(page: Page) {
  await page.goto(`${server.url}/customer/`);
  await page.getByText('New here? Create an account').click();
  await page.getByLabel('Your name').fill('Shazia Bhat');
  await page.getByLabel('Phone number').fill(nextPhone());
  await page.getByLabel('Password').fill('walnut-tree-77');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Shops near you' }).waitFor();
}

/** HH:MM in the browser's zone, as the apps show a time. */
function clock(iso: string) {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
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
