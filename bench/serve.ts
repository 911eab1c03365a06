// A server for the benchmark, in its own process so the load generator does not share its event loop.
//   serve.ts app                 the real app (embedded in a temp DATA_DIR, or DATABASE_URL/REDIS_URL)
//   serve.ts baseline <file>     a bare Fastify route answering the JSON in <file>, always the same
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../backend/src/app';
import { loadConfig } from '../backend/src/platform/config';
import { createPlatform } from '../backend/src/platform/platform';
import { resolveJwtSecret } from '../backend/src/platform/secrets';
import { seedDistrict } from './district';

const [kind, bodyFile] = process.argv.slice(2);

async function serveApp() {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    // The login scenario repeats one account's login far past any sane limit.
    AUTH_LIMIT_PER_IP: '1000000000',
    AUTH_LIMIT_PER_ACCOUNT: '1000000000',
    DATA_DIR: process.env.DATA_DIR ?? (await mkdtemp(path.join(tmpdir(), 'kupwara-bench-'))),
  });
  const platform = await createPlatform(config);
  if (process.env.BENCH_DATASET === 'district') {
    const started = performance.now();
    await seedDistrict(platform.database.db);
    console.log(`district dataset made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const app = await buildApp({
    config: { ...config, jwtSecret: await resolveJwtSecret(config) },
    platform,
    webApps: [],
  });
  return { app, database: platform.database.kind, redis: Boolean(platform.redis) };
}

async function serveBaseline(file: string) {
  const body = JSON.parse(await readFile(file, 'utf8'));
  const app = Fastify({ logger: false });
  app.all('/*', async () => body);
  return { app, database: 'none', redis: false };
}

const { app, ...about } = kind === 'app' ? await serveApp() : await serveBaseline(bodyFile ?? '');
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.send?.({ port, ...about });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
