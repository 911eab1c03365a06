import { count, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, KUPWARA, north, registerUser } from '../../test/factories';
import type { Db } from '../platform/db';
import { riderPositions, riderTrail } from './tables';

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  const test = await makeTestApp();
  app = test.app;
  db = test.platform.database.db;
});
afterAll(() => app.close());

type Session = { access_token: string };

const send = (rider: Session, points: unknown) =>
  app.inject({ method: 'POST', url: '/api/v1/rider/locations', headers: bearer(rider), payload: { points } });

const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();
const fix = (metresNorth: number, ago: number) => ({ ...north(KUPWARA, metresNorth), recorded_at: secondsAgo(ago) });

describe('a rider going online', () => {
  it('switches between online and offline, and only riders may', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    for (const status of ['online', 'offline', 'online']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/rider/status',
        headers: bearer(rider),
        payload: { status },
      });
      expect([res.statusCode, res.json()]).toEqual([200, { status }]);
    }
    const me = await app.inject({ url: '/api/v1/me', headers: bearer(rider) });
    expect(me.json().rider).toMatchObject({ is_available: true });
    const customer = await registerUser(app);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/rider/status',
      headers: bearer(customer),
      payload: { status: 'online' },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/rider/status',
      headers: bearer(rider),
      payload: { status: 'away' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('a rider’s positions', () => {
  it('take the newest fix of a batch sent out of order as the position', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    const newest = fix(300, 5);
    const res = await send(rider, [fix(200, 10), newest, fix(100, 15)]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 3, rejected: [], position: { recorded_at: newest.recorded_at } });
    expect(res.json().position.lat).toBeCloseTo(north(KUPWARA, 300).lat, 6);
  });

  it('keep a late fix for the trail without moving the rider back', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    const now = await send(rider, [fix(500, 2)]);
    const late = await send(rider, [fix(400, 20)]);
    expect(late.json()).toMatchObject({ accepted: 1, rejected: [] });
    expect(late.json().position).toEqual(now.json().position);
  });

  it('store a batch sent twice once', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    const batch = [fix(100, 9), fix(150, 6)];
    expect((await send(rider, batch)).json()).toMatchObject({ accepted: 2, rejected: [] });
    expect((await send(rider, batch)).json()).toMatchObject({
      accepted: 0,
      rejected: [
        { index: 0, reason: 'duplicate' },
        { index: 1, reason: 'duplicate' },
      ],
    });
  });

  it('refuse fixes from the future and flag an impossible jump, never taking either as the position', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    const start = await send(rider, [fix(0, 10)]);
    const future = { ...fix(50, 0), recorded_at: new Date(Date.now() + 3600_000).toISOString() };
    // 500 km north one second later.
    const jump = fix(500_000, 9);
    const res = await send(rider, [future, jump, fix(30, 8)]);
    expect(res.json()).toMatchObject({
      accepted: 2,
      rejected: [
        { index: 0, reason: 'in_the_future' },
        { index: 1, reason: 'impossible_jump' },
      ],
    });
    expect(res.json().position.lat).toBeCloseTo(north(KUPWARA, 30).lat, 6);
    expect(start.statusCode).toBe(200);
  });

  it('stay right when many riders send at once and one rider’s batches race each other', async () => {
    const riders = await Promise.all(Array.from({ length: 30 }, () => registerUser(app, { role: 'rider' })));
    // Each rider rides north 5 m a second: ten single-fix requests at once, not in time order.
    const fixes = riders.map((_, r) => Array.from({ length: 10 }, (_, j) => fix(r * 10 + j * 5, 50 - j)));
    const order = [5, 2, 9, 0, 7, 3, 8, 1, 6, 4];
    const answers = await Promise.all(riders.flatMap((rider, r) => order.map((j) => send(rider, [fixes[r]?.[j]]))));
    expect(answers.map((res) => res.statusCode)).toEqual(answers.map(() => 200));
    expect(answers.every((res) => res.json().accepted === 1)).toBe(true);
    for (const [r, rider] of riders.entries()) {
      const newest = fixes[r]?.[9];
      const again = await send(rider, [newest]);
      expect(again.json()).toEqual({
        accepted: 0,
        rejected: [{ index: 0, reason: 'duplicate' }],
        position: { lat: newest?.lat, lng: newest?.lng, recorded_at: newest?.recorded_at },
      });
    }
    // What dispatch and followers read: the newest of each rider, and every fix in the trail.
    const ids = riders.map((rider) => rider.user.id);
    const held = await db.select().from(riderPositions).where(inArray(riderPositions.riderId, ids));
    expect(held.map((row) => [row.riderId, row.recordedAt.toISOString()]).sort()).toEqual(
      riders.map((rider, r) => [rider.user.id, fixes[r]?.[9]?.recorded_at]).sort(),
    );
    const [trail] = await db.select({ n: count() }).from(riderTrail).where(inArray(riderTrail.riderId, ids));
    expect(trail?.n).toBe(300);
  });

  it('judge each fix of a backlog against the one before it, not only against the held position', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    await send(rider, [fix(0, 200)]);
    // 1 km in 100 s is a ride; 6 km more in the next second is not, though 7 km in 101 s would be.
    const res = await send(rider, [fix(7000, 99), fix(1000, 100)]);
    expect(res.json()).toMatchObject({ accepted: 2, rejected: [{ index: 0, reason: 'impossible_jump' }] });
    expect(res.json().position.lat).toBeCloseTo(north(KUPWARA, 1000).lat, 6);
  });

  it('keep readings too small for the database (a heading of 5e-324) as zero, not a 500', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    const res = await send(rider, [{ ...fix(0, 5), heading: 5e-324, accuracy_m: 1e-40, speed_mps: 4.56789 }]);
    expect(res.statusCode, res.body).toBe(200);
    const [stored] = await db
      .select({ heading: riderTrail.heading, accuracyM: riderTrail.accuracyM, speedMps: riderTrail.speedMps })
      .from(riderTrail)
      .where(inArray(riderTrail.riderId, [rider.user.id]));
    expect(stored).toEqual({ heading: 0, accuracyM: 0, speedMps: 4.568 });
  });

  it('answer every malformed batch with 400 and never a 500 (fuzzed)', async () => {
    const rider = await registerUser(app, { role: 'rider' });
    const junk = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.double(),
      fc.constant(Number.NaN),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.constant('2026-13-45T99:99:99Z'),
    );
    const point = fc.record(
      {
        lat: fc.oneof(junk, fc.double({ min: -200, max: 200, noNaN: true })),
        lng: fc.oneof(junk, fc.double({ min: -400, max: 400, noNaN: true })),
        accuracy_m: junk,
        heading: fc.oneof(junk, fc.double({ min: -720, max: 720, noNaN: true })),
        recorded_at: fc.oneof(
          junk,
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        extra: junk,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(point, { maxLength: 5 }), junk), async (points) => {
        const res = await send(rider, points);
        expect([200, 400]).toContain(res.statusCode);
        if (res.statusCode === 400) expect(res.json().error.code).toBe('VALIDATION_FAILED');
        const position = res.json().position;
        if (position) {
          expect(Math.abs(position.lat)).toBeLessThanOrEqual(90);
          expect(Date.parse(position.recorded_at)).toBeLessThanOrEqual(Date.now() + 60_000);
        }
      }),
      { numRuns: 150 },
    );
  });
});
