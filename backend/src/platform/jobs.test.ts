import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../test/databases';
import { createMemoryBus } from './bus';
import type { Database } from './db';
import {
  createJobRunner,
  enqueue,
  type Job,
  type JobHandler,
  type JobRunner,
  type RunnerOptions,
  wakeRunners,
} from './jobs';

let database: Database;
const bus = createMemoryBus();
const runners: JobRunner[] = [];
const quiet = { error: () => {} };

beforeAll(async () => {
  database = await openTestDatabase();
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  await database.db.execute(sql`DELETE FROM jobs`);
});
afterAll(async () => {
  await bus.close();
  await database.close();
});

function runner(handlers: Record<string, JobHandler>, options: Partial<RunnerOptions> = {}) {
  const made = createJobRunner({ db: database.db, bus, handlers, log: quiet, pollMs: 50, ...options });
  runners.push(made);
  return made;
}

const jobRows = async () =>
  (
    await database.db.execute<{ kind: string; attempts: number; failed: boolean; last_error: string | null }>(
      sql`SELECT kind, attempts, failed_at IS NOT NULL AS failed, last_error FROM jobs ORDER BY created_at`,
    )
  ).rows;

const eventually = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe('the job runner', () => {
  it('runs a job if and only if the transaction that queued it committed', async () => {
    const ran: unknown[] = [];
    await runner({ note: async (job) => void ran.push(job.payload.n) }).start();
    await database.db.transaction(async (tx) => enqueue(tx, [{ kind: 'note', payload: { n: 1 } }]));
    await database.db
      .transaction(async (tx) => {
        await enqueue(tx, [{ kind: 'note', payload: { n: 2 } }]);
        throw new Error('changed my mind');
      })
      .catch(() => {});
    await wakeRunners(bus);
    await eventually(async () => expect(await jobRows()).toEqual([]));
    expect(ran).toEqual([1]);
  });

  it('waits for a scheduled job to come due', async () => {
    const ran: number[] = [];
    await runner({ later: async () => void ran.push(Date.now()) }).start();
    const due = Date.now() + 400;
    await enqueue(database.db, [{ kind: 'later', payload: {}, runAt: new Date(due) }]);
    await wakeRunners(bus);
    await eventually(() => expect(ran).toHaveLength(1));
    expect(ran[0]).toBeGreaterThanOrEqual(due - 5);
  });

  it('retries a failing job with its error kept, and gives up after the last attempt without losing it', async () => {
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      throw new Error(`printer on fire #${calls}`);
    };
    await runner({ flaky }, { maxAttempts: 2 }).start();
    await enqueue(database.db, [{ kind: 'flaky', payload: {} }]);
    await wakeRunners(bus);
    // The second attempt comes a second after the first.
    await eventually(async () => expect((await jobRows())[0]?.failed).toBe(true));
    expect(calls).toBe(2);
    expect(await jobRows()).toEqual([
      { kind: 'flaky', attempts: 2, failed: true, last_error: expect.stringContaining('printer on fire #2') },
    ]);
  });

  it('keeps a job of a kind nobody handles, as a failure to look at', async () => {
    await runner({}, { maxAttempts: 1 }).start();
    await enqueue(database.db, [{ kind: 'mystery', payload: {} }]);
    await wakeRunners(bus);
    await eventually(async () =>
      expect((await jobRows())[0]).toMatchObject({ failed: true, last_error: expect.stringContaining('no handler') }),
    );
  });

  it('lets another runner finish the jobs of one that died holding them', async () => {
    const done: unknown[] = [];
    // The first runner does the work and dies before recording it: its jobs stay claimed, never finished.
    const dying = runner(
      { work: (job: Job) => new Promise<void>(() => void done.push(job.payload.n)) },
      { leaseMs: 300 },
    );
    await dying.start();
    await enqueue(
      database.db,
      [1, 2, 3].map((n) => ({ kind: 'work', payload: { n } })),
    );
    await wakeRunners(bus);
    await eventually(() => expect(done).toHaveLength(3));
    runners.splice(runners.indexOf(dying), 1);
    void dying.stop();

    await runner({ work: async (job) => void done.push(job.payload.n) }).start();
    await eventually(async () => expect(await jobRows()).toEqual([]));
    // At least once: the work may run again, so handlers are idempotent.
    expect(done.toSorted()).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('shares jobs between runners without running one twice', async () => {
    const ran: unknown[] = [];
    const work = async (job: Job) => {
      ran.push(job.payload.n);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    await Promise.all([runner({ work }, { batchSize: 5 }).start(), runner({ work }, { batchSize: 5 }).start()]);
    await enqueue(
      database.db,
      Array.from({ length: 60 }, (_, n) => ({ kind: 'work', payload: { n } })),
    );
    await wakeRunners(bus);
    await eventually(async () => expect(await jobRows()).toEqual([]));
    expect(ran.toSorted((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 60 }, (_, n) => n));
  });
});
