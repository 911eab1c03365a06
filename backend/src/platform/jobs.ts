import { eq, inArray, sql } from 'drizzle-orm';
import type { Bus } from './bus';
import type { Db } from './db';
import { newId } from './ids';
import { jobs } from './tables';

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  /** Not before this time (a timeout); now when absent. */
  runAt?: Date;
}

export type Job = {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
};

/** Does one job's work. It may run more than once (a runner can die after the work, before the bookkeeping): make it idempotent. */
export type JobHandler = (job: Job) => Promise<void>;

export interface JobLog {
  error(fields: object, message: string): void;
}

const WAKE_CHANNEL = 'jobs.wake';

/**
 * The statement that adds jobs inside the caller's transaction, so they exist if and only if it
 * commits: await it, or send it with others through executeAsOneStatement.
 */
export function enqueue(tx: Db, list: readonly NewJob[]) {
  if (list.length === 0) throw new Error('enqueue needs at least one job');
  return tx
    .insert(jobs)
    .values(list.map((job) => ({ id: newId(), kind: job.kind, payload: job.payload, runAt: job.runAt ?? sql`now()` })));
}

/** Tells every runner (on every process) that jobs were committed, so they run now rather than at the next poll. */
export const wakeRunners = (bus: Bus) => bus.publish(WAKE_CHANNEL, null);

export interface RunnerOptions {
  db: Db;
  bus: Bus;
  handlers: Readonly<Record<string, JobHandler>>;
  log: JobLog;
  /** How often due jobs are looked for without a wake-up: scheduled jobs run this late at most. */
  pollMs?: number;
  /** How long a claimed job is left alone before another runner may take it. */
  leaseMs?: number;
  batchSize?: number;
  maxAttempts?: number;
}

export interface JobRunner {
  start(): Promise<void>;
  /** Stops claiming and waits for the jobs in hand. */
  stop(): Promise<void>;
}

/** Waits after the n-th failed attempt: 1 s, 2 s, 4 s … up to 5 minutes. */
export const retryDelayMs = (attempts: number) => Math.min(1000 * 2 ** (attempts - 1), 5 * 60_000);

/**
 * Runs committed jobs at least once. Claims due jobs with `FOR UPDATE SKIP LOCKED`, so runners on
 * several processes share them without taking the same one; a job is deleted only after its
 * handler succeeds.
 */
export function createJobRunner(options: RunnerOptions): JobRunner {
  const { db, bus, handlers, log, pollMs = 1000, leaseMs = 60_000, batchSize = 20, maxAttempts = 10 } = options;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => Promise<void>) | undefined;
  let stopped = false;
  let current: Promise<void> | undefined;
  let again = false;

  async function claim(): Promise<Job[]> {
    const result = await db.execute<Job>(sql`
      UPDATE jobs SET run_at = now() + ${`${leaseMs} milliseconds`}::interval, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM jobs WHERE failed_at IS NULL AND run_at <= now()
        ORDER BY run_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts`);
    return result.rows;
  }

  // A handler that hangs must not hold up the jobs behind it; past its lease another runner may take it anyway.
  async function withinLease(work: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within the ${leaseMs} ms lease`)), leaseMs);
    });
    try {
      await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs one job; true when it succeeded (and may be deleted). */
  async function run(job: Job): Promise<boolean> {
    try {
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await withinLease(handler(job));
      return true;
    } catch (error) {
      const gaveUp = job.attempts >= maxAttempts;
      log.error({ err: error, job: job.id, kind: job.kind, attempts: job.attempts, gaveUp }, 'job failed');
      await db
        .update(jobs)
        .set({
          lastError: String((error as Error)?.stack ?? error),
          ...(gaveUp
            ? { failedAt: sql`now()` }
            : { runAt: sql`now() + ${`${retryDelayMs(job.attempts)} milliseconds`}::interval` }),
        })
        .where(eq(jobs.id, job.id));
      return false;
    }
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      const claimed = await claim();
      const succeeded = await Promise.all(claimed.map(run));
      const done = claimed.filter((_, i) => succeeded[i]).map((job) => job.id);
      if (done.length > 0) await db.delete(jobs).where(inArray(jobs.id, done));
      if (claimed.length === batchSize) again = true;
    } while (again && !stopped);
  }

  function runDue(): Promise<void> {
    if (current) {
      again = true;
      return current;
    }
    current = loop()
      .catch((error) => log.error({ err: error }, 'job runner could not claim jobs'))
      .finally(() => {
        current = undefined;
      });
    return current;
  }

  return {
    async start() {
      stopped = false;
      unsubscribe = await bus.subscribe(WAKE_CHANNEL, () => void runDue());
      timer = setInterval(() => void runDue(), pollMs);
      timer.unref();
      void runDue();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await unsubscribe?.();
      await current;
    },
  };
}
