import { deliveryEtaMinutes, deliveryFeePaise, type NearbyStore } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, KUPWARA, makeStore, north } from '../../test/factories';

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await makeTestApp());
});
afterAll(() => app.close());

// Each test works around its own spot far from the others, so their stores never mix.
let spot = 0;
const newSpot = () => {
  spot += 1;
  return { lat: 30 + spot * 0.5, lng: 75 };
};

async function nearby(point: { lat: number; lng: number }, query = '') {
  const res = await app.inject({ url: `/api/v1/stores?lat=${point.lat}&lng=${point.lng}${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: NearbyStore[]; next_cursor: string | null };
}

describe('GET /stores', () => {
  it('lists stores nearest first, with distance, fee and ETA', async () => {
    const here = newSpot();
    const far = await makeStore(app, { name: 'Far', location: north(here, 3_000) });
    const near = await makeStore(app, { name: 'Near', location: north(here, 400) });
    const middle = await makeStore(app, { name: 'Middle', location: north(here, 1_500) });
    const { items, next_cursor } = await nearby(here);
    expect(items.map((s) => s.id)).toEqual([near.store.id, middle.store.id, far.store.id]);
    expect(next_cursor).toBeNull();
    for (const [store, metres] of [
      [items[0], 400],
      [items[1], 1_500],
      [items[2], 3_000],
    ] as const) {
      expect(Math.abs((store?.distance_m ?? 0) - metres)).toBeLessThan(metres * 0.01);
      expect(store?.delivery_fee_paise).toBe(deliveryFeePaise(store?.distance_m ?? 0));
      expect(store?.eta_minutes).toBe(deliveryEtaMinutes(store?.distance_m ?? 0));
    }
    expect(items[0]).toMatchObject({ name: 'Near', is_open_now: true, opens_at: null, categories: ['grocery'] });
  });

  it('keeps to the search radius: a store just inside is listed, one just outside is not', async () => {
    const here = newSpot();
    const inside = await makeStore(app, { name: 'Inside', location: north(here, 1_950), delivery_radius_km: 10 });
    await makeStore(app, { name: 'Outside', location: north(here, 2_050), delivery_radius_km: 10 });
    expect((await nearby(here, '&radius_km=2')).items.map((s) => s.id)).toEqual([inside.store.id]);
    expect((await nearby(here, '&radius_km=2.1')).items).toHaveLength(2);
  });

  it('lists only stores whose own delivery area reaches the customer', async () => {
    const here = newSpot();
    await makeStore(app, { name: 'Delivers 1 km', location: north(here, 1_500), delivery_radius_km: 1 });
    const reaches = await makeStore(app, {
      name: 'Delivers 2 km',
      location: north(here, 1_500),
      delivery_radius_km: 2,
    });
    expect((await nearby(here, '&radius_km=10')).items.map((s) => s.id)).toEqual([reaches.store.id]);
  });

  it('flags closed stores, by the seller’s switch or by their hours, and says when they open', async () => {
    const here = newSpot();
    const switchedOff = await makeStore(app, { name: 'Switched off', location: north(here, 100) });
    await app.inject({
      method: 'PATCH',
      url: '/api/v1/seller/store',
      headers: bearer(switchedOff.seller),
      payload: { version: 2, is_accepting_orders: false },
    });
    const neverToday = await makeStore(app, { name: 'One day a week', location: north(here, 200) });
    // Open half an hour, three days from today in the town: never open now, whenever the test runs.
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
    const today = new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Kolkata', weekday: 'short' });
    const openDay = days[(days.findIndex((day) => today.toLowerCase().startsWith(day)) + 3) % 7] ?? 'sun';
    const oneDay = Object.fromEntries(
      days.map((day) => [day, day === openDay ? [{ open: '10:00', close: '10:30' }] : []]),
    );
    await app.inject({
      method: 'PATCH',
      url: '/api/v1/seller/store',
      headers: bearer(neverToday.seller),
      payload: { version: 2, opening_hours: oneDay },
    });
    const [off, weekly] = (await nearby(here)).items;
    expect(off).toMatchObject({ name: 'Switched off', is_open_now: false, is_accepting_orders: false, opens_at: null });
    expect(weekly?.is_open_now).toBe(false);
    const opensAt = new Date(weekly?.opens_at ?? '');
    expect(opensAt.getTime()).toBeGreaterThan(Date.now());
    expect(
      opensAt.toLocaleString('en-GB', {
        timeZone: 'Asia/Kolkata',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }),
    ).toBe(`${openDay[0]?.toUpperCase()}${openDay.slice(1)} 10:00`);
  });

  it('filters by category and finds names despite typos', async () => {
    const here = newSpot();
    const bakery = await makeStore(app, { name: 'Lone Bakers', location: north(here, 300), categories: ['bakery'] });
    await makeStore(app, { name: 'Shah Medicos', location: north(here, 600), categories: ['pharmacy'] });
    expect((await nearby(here, '&category=bakery')).items.map((s) => s.id)).toEqual([bakery.store.id]);
    expect((await nearby(here, '&q=bakrs')).items.map((s) => s.name)).toEqual(['Lone Bakers']);
    expect((await nearby(here, '&q=medico')).items.map((s) => s.name)).toEqual(['Shah Medicos']);
    expect((await nearby(here, '&q=100%25')).items).toEqual([]);
  });

  it('pages through every store once', async () => {
    const here = newSpot();
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push((await makeStore(app, { name: `Shop ${i}`, location: north(here, 100 + i * 100) })).store.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await nearby(here, `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(made);
  });

  it('shows a store’s change on the next read, though lists are cached', async () => {
    const here = newSpot();
    const shop = await makeStore(app, { name: 'Old Name', location: north(here, 100) });
    expect((await nearby(here)).items[0]?.name).toBe('Old Name');
    await app.inject({
      method: 'PATCH',
      url: '/api/v1/seller/store',
      headers: bearer(shop.seller),
      payload: { version: 2, name: 'New Name' },
    });
    expect((await nearby(here)).items[0]?.name).toBe('New Name');
    expect((await app.inject({ url: `/api/v1/stores/${shop.store.id}` })).json().name).toBe('New Name');
  });

  it('answers a repeated point with the same JSON text, made once from the cached list', async () => {
    const here = newSpot();
    await makeStore(app, { name: 'Repeat', location: north(here, 200) });
    const url = `/api/v1/stores?lat=${here.lat}&lng=${here.lng}`;
    const first = await app.inject({ url });
    const second = await app.inject({ url });
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.body).toBe(first.body);
    expect(second.json().items[0]).toMatchObject({ name: 'Repeat', is_open_now: true, payment_methods: ['cash'] });
  });

  it.each([
    ['lat=200&lng=74', 'querystring.lat'],
    ['lat=34&lng=-181', 'querystring.lng'],
    ['lat=abc&lng=74', 'querystring.lat'],
    ['lng=74', 'querystring.lat'],
    ['lat=34&lng=74&radius_km=0', 'querystring.radius_km'],
    ['lat=34&lng=74&radius_km=26', 'querystring.radius_km'],
    ['lat=34&lng=74&cursor=garbage', 'querystring.cursor'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await app.inject({ url: `/api/v1/stores?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});

describe('GET /stores/:id and PATCH /seller/store', () => {
  it('answers 404 for a store that does not exist', async () => {
    const res = await app.inject({ url: '/api/v1/stores/0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4e' });
    expect(res.statusCode).toBe(404);
  });

  it('refuses a stale version with 409 and the store as it is now', async () => {
    const { seller } = await makeStore(app, { location: KUPWARA });
    const ok = await app.inject({
      method: 'PATCH',
      url: '/api/v1/seller/store',
      headers: bearer(seller),
      payload: { version: 2, min_order_paise: 5_000 },
    });
    expect(ok.json()).toMatchObject({ version: 3, min_order_paise: 5_000 });
    const stale = await app.inject({
      method: 'PATCH',
      url: '/api/v1/seller/store',
      headers: bearer(seller),
      payload: { version: 2, name: 'Lost' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({
      version: 3,
      min_order_paise: 5_000,
      name: 'Lone General Store',
    });
  });

  it('refuses an unknown time zone and bad hours', async () => {
    const { seller } = await makeStore(app);
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/v1/seller/store',
      headers: bearer(seller),
      payload: {
        version: 2,
        time_zone: 'Kashmir/Kupwara',
        opening_hours: { mon: [{ open: '25:00', close: '10:00' }] },
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toContain('body.time_zone');
    expect(fields).toContain('body.opening_hours.mon.0.open');
  });
});
