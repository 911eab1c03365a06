import { type LatLng, type LocationBatchResult, metresBetween, type PositionPoint } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { Bus } from '../platform/bus';
import type { Db } from '../platform/db';
import { anyId } from '../platform/ids';
import { riderPositions } from './tables';
import { BROADCAST_EVERY_MS, type EtaEstimator, type Fix, publishPositions, straightLineEta } from './tracking';

/** A phone's clock may run a little ahead; a fix further in the future than this is not believed. */
const FUTURE_SLACK_MS = 60_000;
/** Faster than this between two fixes (about 250 km/h) is a GPS jump, not a ride through town. */
const MAX_SPEED_MPS = 70;
/** Fixes written in one statement at most (the rest wait for the next). */
const MAX_FLUSH = 2000;
/** Last fixes remembered for the jump check; past this the memory starts again from the database. */
const MAX_REMEMBERED = 100_000;

export interface PositionIngest {
  /**
   * Stores a batch of a rider's fixes, in any order and possibly again: every believable fix goes
   * to the trail (a repeat is kept once), the newest becomes the rider's position if it is newer
   * than the one held. Fixes from the future are refused; one that jumps impossibly far from the
   * fix before it is kept flagged and never becomes the position.
   */
  record(riderId: string, points: readonly PositionPoint[]): Promise<LocationBatchResult>;
  /** Writes what is queued and stops. */
  close(): Promise<void>;
}

type Request = Omit<LocationBatchResult, 'position'> & {
  riderId: string;
  /** Fixes not yet written. */
  waiting: number;
  resolve: (result: LocationBatchResult) => void;
  reject: (error: unknown) => void;
};
type Queued = Fix & { index: number; request: Request };
type Believed = LatLng & { at: number };

/**
 * Fixes from every rider of this process are written together, the way databases commit a group:
 * whatever arrived while one write was on its way goes in the next, as one trail insert and one
 * upsert of the newest positions. Alone, a fix is written at once; at thousands a second, a few
 * statements a second carry them all.
 */
export function createPositionIngest(options: { db: Db; bus: Bus; eta?: EtaEstimator }): PositionIngest {
  const { db, bus, eta = straightLineEta } = options;
  // Each rider's last believed fix, the base of the jump check (loaded from the database on first sight).
  const believed = new Map<string, Believed>();
  // Arrivals already told from this process (the database keeps each once anyway).
  const arrivalsTold = new Set<string>();
  let queue: Queued[] = [];
  let writing: Promise<void> | undefined;

  function schedule() {
    if (writing || queue.length === 0) return;
    writing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => {
        const batch = queue.slice(0, MAX_FLUSH);
        queue = queue.slice(batch.length);
        return write(batch);
      })
      .finally(() => {
        writing = undefined;
        schedule();
      });
  }

  async function write(batch: Queued[]) {
    const requests = new Set(batch.map((fix) => fix.request));
    try {
      await judgeAndStore(batch);
    } catch (error) {
      // Nothing of the batch was stored: the riders' memory is read again, their phones send again.
      for (const fix of batch) believed.delete(fix.riderId);
      for (const request of requests) request.reject(error);
      return;
    }
    for (const fix of batch) fix.request.waiting -= 1;
    for (const request of requests) if (request.waiting === 0) finish(request);
  }

  function finish(request: Request) {
    const last = believed.get(request.riderId);
    request.resolve({
      accepted: request.accepted,
      rejected: request.rejected.sort((a, b) => a.index - b.index),
      // The position as this process knows it (null if the rider has none).
      position: last ? { lat: last.lat, lng: last.lng, recorded_at: new Date(last.at).toISOString() } : null,
    });
  }

  async function judgeAndStore(batch: Queued[]) {
    const unknown = [...new Set(batch.map((fix) => fix.riderId))].filter((id) => !believed.has(id));
    if (believed.size + unknown.length > MAX_REMEMBERED) believed.clear();
    if (unknown.length > 0) {
      const held = await db
        .select({ riderId: riderPositions.riderId, location: riderPositions.location, at: riderPositions.recordedAt })
        .from(riderPositions)
        .where(anyId(riderPositions.riderId, unknown));
      for (const row of held) believed.set(row.riderId, { ...row.location, at: row.at.getTime() });
    }

    // Judged in time order, each against the last believed fix before it (this batch's, or the held one).
    const seen = new Set<string>();
    const newest = new Map<string, Believed>();
    const rows: (Queued & { flagged: boolean })[] = [];
    for (const fix of [...batch].sort((a, b) => a.at - b.at)) {
      const key = `${fix.riderId} ${fix.at}`;
      if (seen.has(key)) {
        fix.request.rejected.push({ index: fix.index, reason: 'duplicate' });
        continue;
      }
      seen.add(key);
      const previous = newest.get(fix.riderId) ?? believed.get(fix.riderId);
      const base = previous && previous.at < fix.at ? previous : undefined;
      const flagged = Boolean(base && metresBetween(base, fix) / ((fix.at - base.at) / 1000) > MAX_SPEED_MPS);
      if (flagged) fix.request.rejected.push({ index: fix.index, reason: 'impossible_jump' });
      else if (!previous || previous.at < fix.at) newest.set(fix.riderId, fix);
      rows.push({ ...fix, flagged });
    }
    if (rows.length === 0) return;

    const outcomes = await storeFixes(db, rows);
    const due: Fix[] = [];
    for (const [i, fix] of rows.entries()) {
      const outcome = outcomes[i];
      if (outcome?.due) due.push(fix);
      if (!outcome?.stored) {
        fix.request.rejected.push({ index: fix.index, reason: 'duplicate' });
        continue;
      }
      fix.request.accepted += 1;
      const previous = believed.get(fix.riderId);
      if (!fix.flagged && (!previous || previous.at < fix.at)) believed.set(fix.riderId, fix);
    }
    if (due.length > 0) await publishPositions(db, bus, due, eta, arrivalsTold);
  }

  return {
    record(riderId, points) {
      const now = Date.now();
      return new Promise((resolve, reject) => {
        const request: Request = { riderId, accepted: 0, rejected: [], waiting: 0, resolve, reject };
        for (const [index, point] of points.entries()) {
          const at = Date.parse(point.recorded_at);
          if (at > now + FUTURE_SLACK_MS) {
            request.rejected.push({ index, reason: 'in_the_future' });
            continue;
          }
          request.waiting += 1;
          queue.push({ ...point, riderId, at, index, request });
        }
        if (request.waiting === 0) return finish(request);
        schedule();
      });
    },
    async close() {
      while (writing) await writing;
    },
  };
}

/**
 * A phone's accuracy, heading or speed to a thousandth, more than any phone measures: the `real`
 * columns hold nothing between 0 and about 1e-38, so a reading such as 5e-324 would fail the insert.
 */
const reading = (value: number | undefined) => (value === undefined ? null : Math.round(value * 1000) / 1000);

/**
 * One statement: every fix into the trail (a repeat is skipped), then each rider's newest stored,
 * unflagged fix over their position if newer, marking it for broadcast when the last one went out
 * at least BROADCAST_EVERY_MS ago (the mark is in the database, so every API process keeps one pace).
 * Says of each of `rows` whether it was stored (not a repeat) and whether it is a new position to publish.
 */
async function storeFixes(db: Db, rows: readonly (Fix & { flagged: boolean })[]) {
  const batch = JSON.stringify(
    rows.map((fix) => ({
      rider_id: fix.riderId,
      at: new Date(fix.at).toISOString(),
      lng: fix.lng,
      lat: fix.lat,
      accuracy_m: reading(fix.accuracy_m),
      heading: reading(fix.heading),
      speed_mps: reading(fix.speed_mps),
      flagged: fix.flagged,
    })),
  );
  // Without joins: the planner cannot size these sets and would match them row by row.
  const result = await db.execute<{ rider_id: string; at: number; due: boolean | null }>(sql`
    WITH batch AS (
      SELECT b.*, ST_SetSRID(ST_MakePoint(b.lng, b.lat), 4326)::geography AS point
      FROM json_to_recordset(${batch}::json) AS b(rider_id uuid, at timestamptz, lng float8, lat float8,
        accuracy_m real, heading real, speed_mps real, flagged boolean)),
    stored AS (
      INSERT INTO rider_trail (rider_id, recorded_at, location, accuracy_m, heading, speed_mps, flagged)
      SELECT rider_id, at, point, accuracy_m, heading, speed_mps, flagged FROM batch
      ON CONFLICT DO NOTHING
      RETURNING rider_id, recorded_at),
    newest AS (SELECT DISTINCT ON (rider_id) * FROM batch WHERE NOT flagged ORDER BY rider_id, at DESC),
    moved AS (
      INSERT INTO rider_positions AS p (rider_id, location, accuracy_m, heading, speed_mps, recorded_at, received_at,
        broadcast_at)
      SELECT rider_id, point, accuracy_m, heading, speed_mps, at, now(), now() FROM newest
      ON CONFLICT (rider_id) DO UPDATE SET location = excluded.location, accuracy_m = excluded.accuracy_m,
        heading = excluded.heading, speed_mps = excluded.speed_mps, recorded_at = excluded.recorded_at,
        received_at = excluded.received_at,
        broadcast_at = CASE
          WHEN p.broadcast_at IS NULL OR p.broadcast_at <= now() - ${`${BROADCAST_EVERY_MS} milliseconds`}::interval
          THEN now() ELSE p.broadcast_at END
      WHERE p.recorded_at < excluded.recorded_at
      RETURNING rider_id, recorded_at, broadcast_at = now() AS due)
    SELECT rider_id, (extract(epoch FROM recorded_at) * 1000)::float8 AS at, NULL AS due FROM stored
    UNION ALL
    SELECT rider_id, (extract(epoch FROM recorded_at) * 1000)::float8, due FROM moved`);
  const key = (riderId: string, at: number) => `${riderId} ${at}`;
  const stored = new Set<string>();
  const due = new Set<string>();
  for (const row of result.rows) {
    if (row.due === null) stored.add(key(row.rider_id, Number(row.at)));
    else if (row.due) due.add(key(row.rider_id, Number(row.at)));
  }
  return rows.map((fix) => ({ stored: stored.has(key(fix.riderId, fix.at)), due: due.has(key(fix.riderId, fix.at)) }));
}
