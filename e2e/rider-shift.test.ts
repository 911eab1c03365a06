import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { LocationBatchResult, PositionPoint } from '@kupwara/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone } from './browser';
import { type Api, HERE, newRider, PASSWORD } from './kit';
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

/**
 * The rider's position as the server holds it, read without changing it: a fix from tomorrow is
 * refused before it is stored, and the answer carries the position held.
 */
async function serverPosition(api: Api) {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  const answer = await api.call('sendLocations', { body: { points: [{ lat: 0, lng: 0, recorded_at: tomorrow }] } });
  expect(answer.rejected).toEqual([{ index: 0, reason: 'in_the_future' }]);
  return answer.position;
}

const untilPosition = async (api: Api, where: { lat: number; lng: number }) => {
  await expect
    .poll(
      async () => {
        const position = await serverPosition(api);
        return position && { lat: position.lat, lng: position.lng };
      },
      // A socket cut without a word is found out by its silence (5 s), then the fixes go over HTTP.
      { timeout: 20_000 },
    )
    .toEqual(where);
  return serverPosition(api);
};

/**
 * Every batch of fixes the server answered for, as the page sent it (over the socket or
 * `POST /rider/locations`) with the server's answer, in the order the answers came.
 */
function recordAnsweredFixes(page: Page) {
  const answered: { points: PositionPoint[]; result: LocationBatchResult; at: number; via: 'socket' | 'http' }[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('/rider/locations') || response.request().method() !== 'POST') return;
    const { points } = response.request().postDataJSON() as { points: PositionPoint[] };
    answered.push({ points, result: (await response.json()) as LocationBatchResult, at: Date.now(), via: 'http' });
  });
  page.on('websocket', (socket) => {
    const sent = new Map<string, PositionPoint[]>();
    socket.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload));
      if (frame.type === 'locations') sent.set(frame.ref, frame.points);
    });
    socket.on('framereceived', ({ payload }) => {
      const { type, ref, ...result } = JSON.parse(String(payload));
      const points = sent.get(ref);
      if (type === 'locations_saved' && points) answered.push({ points, result, at: Date.now(), via: 'socket' });
    });
  });
  return answered;
}

async function signInRider(context: BrowserContext, phoneNumber: string) {
  const page = await context.newPage();
  await page.goto(`${server.url}/rider/`);
  await page.getByLabel('Phone number').fill(phoneNumber);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

/**
 * About 11 cm north of HERE per step. The browser takes each fix the moment the test moves it, a few
 * milliseconds apart on a fast run: further, and the server would judge the ride faster than 70 m/s,
 * a GPS jump.
 */
const step = (n: number) => ({ lat: Number((HERE.lat + n * 0.000001).toFixed(6)), lng: HERE.lng });

describe('a rider’s shift on the web', () => {
  it('goes online, shares each move, keeps the fixes taken offline and sends them all, in order, with their own times', async () => {
    const rider = await newRider(server);
    const context = await browser.newContext({
      ...phone,
      geolocation: { latitude: HERE.lat, longitude: HERE.lng, accuracy: 10 },
      permissions: ['geolocation'],
    });
    const page = await signInRider(context, rider.phone);
    const answered = recordAnsweredFixes(page);

    const offlineSwitch = page.getByRole('switch', { name: 'You are offline' });
    await offlineSwitch.waitFor();
    expect(await rider.api.call('riderStatusNow', {})).toEqual({ status: 'offline' });
    expect(await serverPosition(rider.api)).toBeNull();
    await page.screenshot({ path: path.join(shots, 'rider-work-offline.png') });

    await offlineSwitch.click();
    await page.getByRole('switch', { name: 'You are online — sharing your location' }).waitFor();
    expect(await rider.api.call('riderStatusNow', {})).toEqual({ status: 'online' });
    await untilPosition(rider.api, HERE);
    await page.getByText(/^Location sent \d+ s ago$/).waitFor();
    await page.screenshot({ path: path.join(shots, 'rider-work-online.png') });

    await context.setGeolocation({ latitude: step(1).lat, longitude: step(1).lng, accuracy: 10 });
    await untilPosition(rider.api, step(1));

    // No signal: each move is kept on the phone, and the card says how many wait.
    await context.setOffline(true);
    const answeredBefore = answered.length;
    const movedAt: number[] = [];
    for (const n of [2, 3, 4]) {
      movedAt.push(Date.now());
      await context.setGeolocation({ latitude: step(n).lat, longitude: step(n).lng, accuracy: 10 });
      await page.getByText(n === 2 ? '1 position waiting to send' : `${n - 1} positions waiting to send`).waitFor();
    }
    await page.screenshot({ path: path.join(shots, 'rider-work-waiting.png') });
    expect((await serverPosition(rider.api))?.lat).toBe(step(1).lat);

    const reconnectedAt = Date.now();
    await context.setOffline(false);
    const held = await untilPosition(rider.api, step(4));
    await page.getByText(/positions? waiting to send/).waitFor({ state: 'detached' });

    const sentAfter = answered.slice(answeredBefore).filter((batch) => batch.at >= reconnectedAt);
    const points = sentAfter.flatMap((batch) => batch.points);
    expect(points.map(({ lat, lng }) => ({ lat, lng }))).toEqual([step(2), step(3), step(4)]);
    expect(sentAfter.map((batch) => batch.result.rejected)).toEqual(sentAfter.map(() => []));
    expect(sentAfter.reduce((sum, batch) => sum + batch.result.accepted, 0)).toBe(3);
    // Each fix keeps the time it was taken (while offline), not the time it was sent.
    const times = points.map((point) => Date.parse(point.recorded_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const [i, time] of times.entries()) {
      expect(time).toBeGreaterThanOrEqual((movedAt[i] ?? 0) - 1000);
      expect(time).toBeLessThan(reconnectedAt);
    }
    expect(held?.recorded_at).toBe(points.at(-1)?.recorded_at);

    await page.getByRole('switch', { name: 'You are online — sharing your location' }).click();
    await page.getByRole('switch', { name: 'You are offline' }).waitFor();
    expect(await rider.api.call('riderStatusNow', {})).toEqual({ status: 'offline' });
    await context.close();
  });

  it('stays offline when the browser refuses the location, and says where to allow it', async () => {
    const rider = await newRider(server);
    // No geolocation permission granted: headless Chromium refuses the prompt.
    const context = await browser.newContext({ ...phone });
    const page = await signInRider(context, rider.phone);
    await page.getByRole('switch', { name: 'You are offline' }).click();
    await page
      .getByRole('alert')
      .getByText('Location is blocked for this site. Allow it in your browser’s site settings, then go online.')
      .waitFor();
    await page.screenshot({ path: path.join(shots, 'rider-work-location-refused.png') });
    await page.getByRole('switch', { name: 'You are offline' }).waitFor();
    expect(await rider.api.call('riderStatusNow', {})).toEqual({ status: 'offline' });
    await context.close();
  });

  it('explains sharing the location in the background before asking', async () => {
    const rider = await newRider(server);
    const context = await browser.newContext({ ...phone });
    const page = await signInRider(context, rider.phone);
    await page.getByRole('switch', { name: 'You are offline' }).waitFor();
    await page.goto(`${server.url}/rider/background-location`);
    await page.getByRole('heading', { name: 'Share your location in the background?' }).waitFor();
    await page.getByRole('button', { name: 'Allow' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'rider-background-location.png') });
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.getByRole('switch', { name: 'You are offline' }).waitFor();
    await context.close();
  });
});
