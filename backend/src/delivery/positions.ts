import { type LocationBatchResult, metresBetween, type PositionPoint } from '@kupwara/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { riderPositions, riderTrail } from './tables';

/** A phone's clock may run a little ahead; a fix further in the future than this is not believed. */
const FUTURE_SLACK_MS = 60_000;
/** Faster than this between two fixes (about 250 km/h) is a GPS jump, not a ride through town. */
const MAX_SPEED_MPS = 70;

export type PositionRow = typeof riderPositions.$inferSelect;

/**
 * Stores a batch of a rider's fixes, in any order and possibly again: every believable fix goes to
 * the trail (a repeat is kept once), the newest becomes the rider's position if it is newer than
 * the one held. Fixes from the future are refused; one that jumps impossibly far from the fix
 * before it is kept flagged and never becomes the position.
 */
export async function recordPositions(
  db: Db,
  riderId: string,
  points: readonly PositionPoint[],
  now = new Date(),
): Promise<LocationBatchResult & { moved: PositionRow | undefined }> {
  const rejected: LocationBatchResult['rejected'] = [];
  const [held] = await db.select().from(riderPositions).where(eq(riderPositions.riderId, riderId));
  const fixes = points
    .map((point, index) => ({ point, index, at: Date.parse(point.recorded_at) }))
    .filter((fix) => {
      if (fix.at <= now.getTime() + FUTURE_SLACK_MS) return true;
      rejected.push({ index: fix.index, reason: 'in_the_future' });
      return false;
    })
    .sort((a, b) => a.at - b.at);

  let previous = held && { ...held.location, at: held.recordedAt.getTime() };
  const rows = fixes.map((fix) => {
    // Judged against the last believed fix before it: the held position, or this batch's.
    const base = previous && previous.at < fix.at ? previous : undefined;
    const flagged = Boolean(base && metresBetween(base, fix.point) / ((fix.at - base.at) / 1000) > MAX_SPEED_MPS);
    if (flagged) rejected.push({ index: fix.index, reason: 'impossible_jump' });
    else if (!previous || fix.at > previous.at) previous = { lat: fix.point.lat, lng: fix.point.lng, at: fix.at };
    return { fix, flagged };
  });
  if (rows.length === 0) return { accepted: 0, rejected, position: positionOf(held), moved: undefined };

  const stored = await db
    .insert(riderTrail)
    .values(
      rows.map(({ fix, flagged }) => ({
        riderId,
        recordedAt: new Date(fix.at),
        location: { lat: fix.point.lat, lng: fix.point.lng },
        accuracyM: fix.point.accuracy_m ?? null,
        heading: fix.point.heading ?? null,
        speedMps: fix.point.speed_mps ?? null,
        flagged,
      })),
    )
    .onConflictDoNothing()
    .returning({ recordedAt: riderTrail.recordedAt });
  const storedAt = new Set(stored.map((row) => row.recordedAt.getTime()));
  for (const { fix } of rows) if (!storedAt.has(fix.at)) rejected.push({ index: fix.index, reason: 'duplicate' });

  const newest = rows.filter(({ flagged, fix }) => !flagged && storedAt.has(fix.at)).at(-1)?.fix;
  let moved: PositionRow | undefined;
  if (newest && (!held || newest.at > held.recordedAt.getTime())) {
    const values = {
      riderId,
      location: { lat: newest.point.lat, lng: newest.point.lng },
      accuracyM: newest.point.accuracy_m ?? null,
      heading: newest.point.heading ?? null,
      speedMps: newest.point.speed_mps ?? null,
      recordedAt: new Date(newest.at),
      receivedAt: now,
    };
    // Another batch of the same rider may have got there first with a newer fix: the newer one stays.
    [moved] = await db
      .insert(riderPositions)
      .values(values)
      .onConflictDoUpdate({
        target: riderPositions.riderId,
        set: values,
        setWhere: sql`${riderPositions.recordedAt} < excluded.recorded_at`,
      })
      .returning();
  }
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: stored.length, rejected, position: positionOf(moved ?? held), moved };
}

const positionOf = (row: PositionRow | undefined) =>
  row ? { ...row.location, recorded_at: row.recordedAt.toISOString() } : null;
