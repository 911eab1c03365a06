import cluster from 'node:cluster';
import { buildApp } from './app';
import { type PrimaryMessage, runPrimary, type WorkerMessage } from './cluster-primary';
import { DEMO_PASSWORD, type DemoLogin, seedDemo } from './demo/seed';
import { type Config, ConfigError, loadConfig } from './platform/config';
import { DatabaseSetupError } from './platform/db';
import { createPlatform } from './platform/platform';
import { resolveJwtSecret } from './platform/secrets';

// A promise nobody awaited that failed (a fire-and-forget write while the database restarts, say)
// is logged: ending the process for it would drop every request in flight on it.
process.on('unhandledRejection', (reason) => {
  console.error('unhandled rejection:', reason);
});

/** Worker processes hear from the primary whether they run the jobs (see runPrimary). */
const chosenForJobs = () =>
  new Promise<void>((resolve) => {
    process.on('message', (message: PrimaryMessage) => {
      if (message.type === 'run-jobs') resolve();
    });
  });

function printLogins(demoLogins: DemoLogin[]) {
  if (demoLogins.length === 0) return;
  const logins = demoLogins.map((login) => `${login.role} ${login.phone}`).join(', ');
  // Printed, not logged: the log masks phone numbers, and these fictional ones are there to be typed in.
  process.stdout.write(`demo logins (password ${DEMO_PASSWORD}): ${logins}\n`);
}

/** One API process: alone (WEB_CONCURRENCY=1), or one of a cluster's workers. */
async function serve(config: Config) {
  const started = performance.now();
  const platform = await createPlatform(config);
  // In a cluster the primary seeded before forking.
  const demoLogins = config.env === 'production' || cluster.isWorker ? [] : await seedDemo(platform.database.db);
  const jwtSecret = await resolveJwtSecret(config);
  const runJobs = cluster.isWorker ? chosenForJobs() : true;
  const app = await buildApp({ config: { ...config, jwtSecret }, platform, runJobs });

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown timed out: exiting anyway');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  await app.listen({ host: config.host, port: config.port });
  if (cluster.isWorker) {
    process.send?.({ type: 'ready' } satisfies WorkerMessage);
    return;
  }
  const db = platform.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL';
  printLogins(demoLogins);
  app.log.info(
    `KupwaraCart ready in ${Math.round(performance.now() - started)} ms on port ${config.port} (${db}, ${platform.redis ? 'Redis' : 'in-process bus and cache'})`,
  );
}

/** WEB_CONCURRENCY above 1: seeds once, then forks the workers that serve. */
async function primary(config: Config) {
  const started = performance.now();
  let demoLogins: DemoLogin[] = [];
  if (config.env !== 'production') {
    // Before any worker serves, so none sees a half-seeded town, and none makes its own secret.
    const platform = await createPlatform({ ...config, databasePoolSize: 1 });
    try {
      demoLogins = await seedDemo(platform.database.db);
    } finally {
      await platform.close();
    }
    await resolveJwtSecret(config);
  }
  const log = await runPrimary(config);
  printLogins(demoLogins);
  log.info(
    `KupwaraCart ready in ${Math.round(performance.now() - started)} ms on port ${config.port} (${config.webConcurrency} worker processes, PostgreSQL, Redis)`,
  );
}

async function main() {
  const config = loadConfig();
  await (config.webConcurrency > 1 && cluster.isPrimary ? primary(config) : serve(config));
}

main().catch((error: unknown) => {
  // Setup problems are the operator's to fix: say what is wrong, without a stack trace.
  if (error instanceof ConfigError || error instanceof DatabaseSetupError) {
    console.error(error.message);
  } else {
    console.error('KupwaraCart failed to start:', error);
  }
  process.exit(1);
});
