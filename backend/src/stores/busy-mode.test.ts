import {
  channels,
  deliveryEtaMinutes,
  type NearbyStore,
  type OpeningHours,
  PREPARATION_MINUTES,
  type StoreDetails,
} from '@kupwara/shared';
import { describe, expect, it, vi } from 'vitest';
import { bearer, KUPWARA, registerUser } from '../../test/factories';
import { line, makeMarket, orderBody, postOrder } from '../../test/orders';
import { liveTestApp, subscribe } from '../../test/sockets';
import { busyColumns } from './busy-mode';

const live = liveTestApp();

const setBusy = (who: { access_token: string }, payload: object) =>
  live.app.inject({ method: 'POST', url: '/api/v1/seller/store/busy', headers: bearer(who), payload });
const storeOf = async (id: string) => (await live.app.inject({ url: `/api/v1/stores/${id}` })).json() as StoreDetails;
const nearbyCard = async (id: string) => {
  const res = await live.app.inject({ url: `/api/v1/stores?lat=${KUPWARA.lat}&lng=${KUPWARA.lng}&limit=100` });
  return (res.json().items as NearbyStore[]).find((store) => store.id === id);
};

describe('POST /seller/store/busy', () => {
  it('adds preparation minutes for an hour: the store says so and its ETAs include them', async () => {
    const { seller, store } = await makeMarket(live.app, live.db);
    const before = await nearbyCard(store.id);
    expect(before).toMatchObject({ extra_prep_minutes: 0, extra_prep_until: null, paused_until: null });
    const asked = Date.now();
    const res = await setBusy(seller, { mode: 'extra_prep', extra_minutes: 15 });
    expect(res.statusCode, res.body).toBe(200);
    const busy = res.json() as StoreDetails;
    expect(busy).toMatchObject({ extra_prep_minutes: 15, paused_until: null, version: store.version + 1 });
    const until = Date.parse(busy.extra_prep_until ?? '');
    expect(until - asked).toBeGreaterThanOrEqual(60 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(await storeOf(store.id)).toMatchObject({ extra_prep_minutes: 15, extra_prep_until: busy.extra_prep_until });
    const card = await nearbyCard(store.id);
    expect(card?.extra_prep_minutes).toBe(15);
    expect(card?.eta_minutes).toBe(deliveryEtaMinutes(card?.distance_m ?? 0, PREPARATION_MINUTES + 15));
    expect(card?.eta_minutes).toBeGreaterThan(before?.eta_minutes ?? 0);
  });

  it('pauses new orders: placing is refused with STORE_PAUSED, and the pause lifts by itself', async () => {
    const { seller, store, rice, customer } = await makeMarket(live.app, live.db);
    const res = await setBusy(seller, { mode: 'pause', minutes: 0.05 });
    expect(res.statusCode, res.body).toBe(200);
    const pausedUntil = res.json().paused_until as string;
    expect(Date.parse(pausedUntil) - Date.now()).toBeLessThanOrEqual(3_000);
    expect((await storeOf(store.id)).paused_until).toBe(pausedUntil);
    expect((await nearbyCard(store.id))?.paused_until).toBe(pausedUntil);

    const refused = await postOrder(live.app, customer, orderBody(store.id, [line(rice)]));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'STORE_PAUSED', details: { paused_until: pausedUntil } });

    // Nothing switches it off but the clock.
    await vi.waitFor(
      async () => {
        expect(Date.now()).toBeGreaterThan(Date.parse(pausedUntil));
      },
      { timeout: 10_000, interval: 200 },
    );
    expect(await storeOf(store.id)).toMatchObject({ paused_until: null, is_open_now: true });
    expect((await nearbyCard(store.id))?.paused_until).toBeNull();
    const placed = await postOrder(live.app, customer, orderBody(store.id, [line(rice)]));
    expect(placed.statusCode, placed.body).toBe(201);
  });

  it('tells the store’s channel, and "off" ends whatever is on', async () => {
    const { seller, store } = await makeMarket(live.app, live.db);
    const socket = await live.connect(seller);
    expect((await subscribe(socket, channels.store(store.id))).type).toBe('subscribed');
    const paused = (await setBusy(seller, { mode: 'pause', minutes: 30 })).json() as StoreDetails;
    const frame = await socket.next((f) => f.type === 'store' && f.store.paused_until !== null);
    expect(frame).toMatchObject({ type: 'store', channel: channels.store(store.id), store: { id: store.id } });
    expect(frame.type === 'store' && frame.store).toEqual(paused);

    const ended = await setBusy(seller, { mode: 'off' });
    expect(ended.json()).toMatchObject({ paused_until: null, extra_prep_minutes: 0, extra_prep_until: null });
    await socket.next((f) => f.type === 'store' && f.store.version === paused.version + 1);
  });

  it('pauses until the shop’s next opening, and refuses that for a shop that never closes', async () => {
    const { seller, store } = await makeMarket(live.app, live.db);
    const always = await setBusy(seller, { mode: 'pause_until_opening' });
    expect(always.statusCode).toBe(409);
    expect(always.json().error.code).toBe('CONFLICT');
    const week = Object.fromEntries(
      ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, [{ open: '09:00', close: '21:00' }]]),
    );
    const patched = await live.app.inject({
      method: 'PATCH',
      url: '/api/v1/seller/store',
      headers: bearer(seller),
      payload: { version: store.version, opening_hours: week },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const res = await setBusy(seller, { mode: 'pause_until_opening' });
    expect(res.statusCode, res.body).toBe(200);
    const until = new Date(res.json().paused_until);
    expect(until.getTime()).toBeGreaterThan(Date.now());
    expect(until.toLocaleTimeString('en-GB', { timeZone: 'Asia/Kolkata', hour: '2-digit', minute: '2-digit' })).toBe(
      '09:00',
    );
  });

  it('changes only the caller’s own store, and only for a seller', async () => {
    const mine = await makeMarket(live.app, live.db);
    const theirs = await makeMarket(live.app, live.db);
    expect((await setBusy(theirs.seller, { mode: 'pause', minutes: 30 })).statusCode).toBe(200);
    expect((await storeOf(mine.store.id)).paused_until).toBeNull();
    expect((await storeOf(theirs.store.id)).paused_until).not.toBeNull();
    expect((await setBusy(mine.customer, { mode: 'pause', minutes: 30 })).statusCode).toBe(403);
    const anonymous = await live.app.inject({
      method: 'POST',
      url: '/api/v1/seller/store/busy',
      payload: { mode: 'off' },
    });
    expect(anonymous.statusCode).toBe(401);
    const storeless = await registerUser(live.app, { role: 'seller' });
    const none = await setBusy(storeless, { mode: 'pause', minutes: 30 });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('NOT_FOUND');
  });

  it.each([
    [{ mode: 'pause', minutes: 0 }, 'body.minutes'],
    [{ mode: 'pause', minutes: 24 * 60 + 1 }, 'body.minutes'],
    [{ mode: 'pause' }, 'body.minutes'],
    [{ mode: 'extra_prep', extra_minutes: 90 }, 'body.extra_minutes'],
    [{ mode: 'forever' }, 'body.mode'],
  ])('refuses %j with 400 naming %s', async (payload, field) => {
    const { seller } = await makeMarket(live.app, live.db);
    const res = await setBusy(seller, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});

describe('a whole day open, through the API', () => {
  it('takes 00:00–24:00 as one interval and is open now', async () => {
    const { seller, store } = await makeMarket(live.app, live.db);
    const whole = Object.fromEntries(
      ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, [{ open: '00:00', close: '24:00' }]]),
    );
    const res = await live.app.inject({
      method: 'PATCH',
      url: '/api/v1/seller/store',
      headers: bearer(seller),
      payload: { version: store.version, opening_hours: whole },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await storeOf(store.id)).toMatchObject({ opening_hours: whole, is_open_now: true, closes_at: null });
  });
});

describe('busyColumns', () => {
  const nineToNine: OpeningHours = Object.fromEntries(
    ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, [{ open: '09:00', close: '21:00' }]]),
  ) as OpeningHours;
  const shop = { openingHours: nineToNine, timeZone: 'Asia/Kolkata' };
  const ist = (iso: string) => new Date(`${iso}+05:30`);

  it('ends extra preparation time after its minutes, or at closing if that comes first', () => {
    expect(
      busyColumns(shop, { mode: 'extra_prep', extra_minutes: 30, minutes: 60 }, ist('2026-11-25T12:00:00')),
    ).toEqual({ pausedUntil: null, extraPrepMinutes: 30, extraPrepUntil: ist('2026-11-25T13:00:00') });
    expect(
      busyColumns(shop, { mode: 'extra_prep', extra_minutes: 15, minutes: 60 }, ist('2026-11-25T20:30:00')),
    ).toEqual({ pausedUntil: null, extraPrepMinutes: 15, extraPrepUntil: ist('2026-11-25T21:00:00') });
  });

  it('pauses for minutes or until the next opening, one mode at a time', () => {
    expect(busyColumns(shop, { mode: 'pause', minutes: 30 }, ist('2026-11-25T12:00:00'))).toEqual({
      pausedUntil: ist('2026-11-25T12:30:00'),
      extraPrepMinutes: 0,
      extraPrepUntil: null,
    });
    expect(busyColumns(shop, { mode: 'pause_until_opening' }, ist('2026-11-25T12:00:00')).pausedUntil).toEqual(
      ist('2026-11-26T09:00:00'),
    );
  });
});
