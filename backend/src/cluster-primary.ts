import cluster, { type Worker } from 'node:cluster';
import pino, { type Logger } from 'pino';
import type { Config } from './platform/config';
import { privateLogging } from './platform/log-privacy';

/** What a worker tells the primary, and what the primary tells a worker, over the IPC channel. */
export type WorkerMessage = { type: 'ready' };
export type PrimaryMessage = { type: 'run-jobs' };

/** Waits before starting again a worker that died: 1 s, 2 s, 4 s … up to 30 s while it keeps dying. */
export const restartDelayMs = (deaths: number) => Math.min(1000 * 2 ** (deaths - 1), 30_000);

/** A worker that served this long before dying starts again at once: it was not a crash loop. */
const STEADY_MS = 60_000;

const isReady = (message: unknown): message is WorkerMessage =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready';

/**
 * Forks `config.webConcurrency` workers sharing one port and keeps them running; it serves no
 * request itself. Resolves once every worker is ready.
 *
 * The job runner and the periodic sweeps run in one worker, which the primary picks and replaces
 * when it dies. Claims (FOR UPDATE SKIP LOCKED) would let every worker run them, but N runners
 * would poll the database N times a second and all claim at every wake-up; one runner keeps the
 * database's load what it was with one process. While a dead runner is replaced its claimed jobs
 * wait out their lease, and two runners for a moment are harmless for the same reason.
 */
export function runPrimary(config: Pick<Config, 'webConcurrency' | 'shutdownTimeoutMs' | 'logLevel'>): Promise<Logger> {
  const log = pino({ level: config.logLevel === 'silent' ? 'silent' : config.logLevel, ...privateLogging });
  const live = new Set<Worker>();
  const ready = new Set<Worker>();
  const deaths = new Map<number, number>();
  const restarts = new Set<NodeJS.Timeout>();
  let jobsWorker: Worker | undefined;
  let stopping = false;
  let failed = false;
  let everReady = false;
  let allReady: () => void = () => undefined;
  const started = new Promise<Logger>((resolve) => {
    allReady = () => resolve(log);
  });

  const pickJobsWorker = () => {
    if (jobsWorker || stopping) return;
    jobsWorker = [...ready][0];
    if (!jobsWorker) return;
    jobsWorker.send({ type: 'run-jobs' } satisfies PrimaryMessage);
    log.info({ worker: jobsWorker.process.pid }, 'this worker runs the jobs and sweeps');
  };

  // `slot` keeps a worker's place across restarts, so its back-off follows that place's deaths.
  const fork = (slot: number) => {
    const worker = cluster.fork();
    live.add(worker);
    const bornAt = Date.now();
    worker.on('message', (message: unknown) => {
      if (!isReady(message)) return;
      ready.add(worker);
      everReady = true;
      pickJobsWorker();
      if (ready.size === config.webConcurrency) allReady();
    });
    worker.on('exit', (code, signal) => {
      live.delete(worker);
      const wasReady = ready.delete(worker);
      if (jobsWorker === worker) jobsWorker = undefined;
      if (stopping) {
        // One still starting has no drain to do: SIGTERM simply ends it.
        if (wasReady && code !== 0) failed = true;
        if (live.size === 0) process.exit(failed ? 1 : 0);
        return;
      }
      if (!everReady) {
        // A worker of the first start failed (bad configuration, database unreachable): it said why
        // on stderr, and its siblings would fail the same way.
        log.error({ worker: worker.process.pid, code, signal }, 'a worker failed to start: stopping');
        failed = true;
        stop();
        return;
      }
      pickJobsWorker();
      const died = Date.now() - bornAt < STEADY_MS ? (deaths.get(slot) ?? 0) + 1 : 1;
      deaths.set(slot, died);
      const delayMs = died === 1 ? 0 : restartDelayMs(died - 1);
      log.error({ worker: worker.process.pid, code, signal, restartInMs: delayMs }, 'a worker died: starting another');
      const timer = setTimeout(() => {
        restarts.delete(timer);
        fork(slot);
      }, delayMs);
      restarts.add(timer);
    });
  };

  // Each worker drains its own requests on SIGTERM (main.ts); the primary waits for all of them.
  const stop = (signal?: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (signal) log.info({ signal }, 'shutting down: the workers finish their in-flight requests');
    for (const timer of restarts) clearTimeout(timer);
    if (live.size === 0) process.exit(failed ? 1 : 0);
    for (const worker of live) worker.process.kill('SIGTERM');
    // Each worker gives up after shutdownTimeoutMs itself; this catches one that cannot even do that.
    const force = setTimeout(() => {
      log.error('shutdown timed out: stopping the workers that are left');
      for (const worker of live) worker.process.kill('SIGKILL');
      process.exit(1);
    }, config.shutdownTimeoutMs + 1000);
    force.unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  for (let slot = 0; slot < config.webConcurrency; slot++) fork(slot);
  return started;
}
