import type { Address } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, registerUser } from '../../test/factories';
import { MAX_ADDRESSES } from './addresses';

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await makeTestApp());
});
afterAll(() => app.close());

type Who = { access_token: string };
const home = { label: 'Home', text: 'Near Jamia Masjid, Kupwara 193222', location: { lat: 34.5297, lng: 74.2543 } };
const shop = { label: 'Shop', text: 'Handwara Road, Kupwara', location: { lat: 34.5205, lng: 74.2611 } };

const add = (who: Who, payload: object) =>
  app.inject({ method: 'POST', url: '/api/v1/me/addresses', headers: bearer(who), payload });
const list = async (who: Who) =>
  (await app.inject({ url: '/api/v1/me/addresses', headers: bearer(who) })).json().items as Address[];
const patch = (who: Who, id: string, payload: object) =>
  app.inject({ method: 'PATCH', url: `/api/v1/me/addresses/${id}`, headers: bearer(who), payload });
const remove = (who: Who, id: string) =>
  app.inject({ method: 'DELETE', url: `/api/v1/me/addresses/${id}`, headers: bearer(who) });

describe('addresses', () => {
  it('keep label, text and the exact point; the first one is the default', async () => {
    const customer = await registerUser(app);
    const res = await add(customer, home);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      ...home,
      landmark: null,
      is_default: true,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(await list(customer)).toEqual([res.json()]);
  });

  it('have exactly one default, which moves when another is made default', async () => {
    const customer = await registerUser(app);
    const first = (await add(customer, home)).json();
    const second = (await add(customer, shop)).json();
    expect(second.is_default).toBe(false);
    const third = (await add(customer, { ...shop, label: 'Office', is_default: true })).json();
    expect((await list(customer)).map((a) => [a.label, a.is_default])).toEqual([
      ['Office', true],
      ['Shop', false],
      ['Home', false],
    ]);
    const promoted = await patch(customer, first.id, { is_default: true });
    expect(promoted.json()).toMatchObject({ label: 'Home', is_default: true });
    expect((await list(customer)).filter((a) => a.is_default).map((a) => a.id)).toEqual([first.id]);
    expect((await patch(customer, third.id, { is_default: false })).statusCode).toBe(400);
  });

  it('change only what is sent', async () => {
    const customer = await registerUser(app);
    const created = (await add(customer, home)).json();
    const res = await patch(customer, created.id, { label: 'Ghar', location: { lat: 34.53, lng: 74.25 } });
    expect(res.json()).toEqual({
      ...created,
      label: 'Ghar',
      location: { lat: 34.53, lng: 74.25 },
      updated_at: expect.any(String),
    });
  });

  it('keep a landmark for the rider, trimmed and at most 120 letters; an empty one clears it', async () => {
    const customer = await registerUser(app);
    const created = await add(customer, { ...home, landmark: ' Behind the Jamia Masjid, green gate  ' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().landmark).toBe('Behind the Jamia Masjid, green gate');
    const moved = await patch(customer, created.json().id, { landmark: 'Blue gate opposite the post office' });
    expect(moved.json().landmark).toBe('Blue gate opposite the post office');
    expect((await patch(customer, created.json().id, { label: 'Ghar' })).json()).toMatchObject({
      label: 'Ghar',
      landmark: 'Blue gate opposite the post office',
    });
    const cleared = await patch(customer, created.json().id, { landmark: '' });
    expect(cleared.json().landmark).toBeNull();
    expect(await list(customer)).toEqual([cleared.json()]);
    const long = await add(customer, { ...home, landmark: 'x'.repeat(121) });
    expect([long.statusCode, long.json().error.details.fields[0].field]).toEqual([400, 'body.landmark']);
  });

  it('hand the default to another address when the default is deleted', async () => {
    const customer = await registerUser(app);
    const first = (await add(customer, home)).json();
    const second = (await add(customer, shop)).json();
    expect((await remove(customer, first.id)).statusCode).toBe(204);
    expect(await list(customer)).toEqual([{ ...second, is_default: true }]);
    expect((await remove(customer, second.id)).statusCode).toBe(204);
    expect(await list(customer)).toEqual([]);
  });

  it('are private: another customer gets 404 for each of them and never sees them listed', async () => {
    const owner = await registerUser(app);
    const stranger = await registerUser(app);
    const mine = (await add(owner, home)).json();
    expect(await list(stranger)).toEqual([]);
    for (const res of [await patch(stranger, mine.id, { label: 'Mine now' }), await remove(stranger, mine.id)]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Address not found' } });
    }
    expect(await list(owner)).toEqual([mine]);
  });

  it(`stop at ${MAX_ADDRESSES} per customer with 409`, async () => {
    const customer = await registerUser(app);
    for (let i = 0; i < MAX_ADDRESSES; i++)
      expect((await add(customer, { ...home, label: `Place ${i}` })).statusCode).toBe(201);
    const over = await add(customer, home);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('CONFLICT');
    expect(await list(customer)).toHaveLength(MAX_ADDRESSES);
  });

  it('stay consistent when several are added at once: one default, none lost', async () => {
    const customer = await registerUser(app);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => add(customer, { ...home, label: `Same time ${i}`, is_default: true })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const all = await list(customer);
    expect(all).toHaveLength(6);
    expect(all.filter((a) => a.is_default)).toHaveLength(1);
  });

  it('refuse unknown ids with 404 and malformed ids with 400', async () => {
    const customer = await registerUser(app);
    expect((await remove(customer, '0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4e')).statusCode).toBe(404);
    const bad = await remove(customer, 'not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('params.id');
  });
});
