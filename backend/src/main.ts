import { buildApp } from './app';
import { DEMO_PASSWORD, seedDemo } from './demo/seed';
import { ConfigError, loadConfig } from './platform/config';
import { DatabaseSetupError } from './platform/db';
import { createPlatform } from './platform/platform';
import { resolveJwtSecret } from './platform/secrets';

// A promise nobody awaited that failed (a fire-and-forget write while the database restarts, say)
// is logged: ending the process for it would drop every request in flight on it.
process.on('unhandledRejection', (reason) => {
  console.error('unhandled rejection:', reason);
});

async function main() {
  const config = loadConfig();
  const started = performance.now();
  const platform = await createPlatform(config);
  const demoLogins = config.env === 'production' ? [] : await seedDemo(platform.database.db);
  const jwtSecret = await resolveJwtSecret(config);
  const app = await buildApp({ config: { ...config, jwtSecret }, platform });

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
  const db = platform.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL';
  if (demoLogins.length > 0) {
    const logins = demoLogins.map((login) => `${login.role} ${login.phone}`).join(', ');
    // Printed, not logged: the log masks phone numbers, and these fictional ones are there to be typed in.
    process.stdout.write(`demo logins (password ${DEMO_PASSWORD}): ${logins}\n`);
  }
  app.log.info(
    `KupwaraCart ready in ${Math.round(performance.now() - started)} ms on port ${config.port} (${db}, ${platform.redis ? 'Redis' : 'in-process bus and cache'})`,
  );
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
