// npm run bench [scenario ...]: each scenario against the real app and, in the same run, a bare
// Fastify route serving a constant JSON body of the same size (the baseline), one after the other.
// Env: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), DATABASE_URL, REDIS_URL,
// BENCH_PROFILE=1 (the app's CPU profile to bench/results/profiles, for Chrome DevTools).
import { type ChildProcess, fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import { PACED_LIMIT, paced } from './paced';
import type { BenchRequest } from './scenario';
import { scenarios } from './scenarios';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const resultsDir = path.join(import.meta.dirname, 'results');

interface Server {
  url: string;
  child: ChildProcess;
  about: { database: string; redis: boolean };
}

function serve(args: string[], env: Record<string, string> = {}): Promise<Server> {
  const child = fork(path.join(import.meta.dirname, 'serve.ts'), args, {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE && args[0] === 'app'
        ? ['--cpu-prof', `--cpu-prof-dir=${path.join(resultsDir, 'profiles')}`]
        : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      const { port, ...about } = message as { port: number; database: string; redis: boolean };
      resolve({ url: `http://127.0.0.1:${port}`, child, about });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

function stop({ child }: Server) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function load(url: string, request: BenchRequest, seconds = duration, overallRate?: number) {
  const { vary } = request;
  const result = await autocannon({
    ...(overallRate ? { overallRate } : {}),
    url: url + request.path,
    method: request.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
    connections,
    duration: seconds,
    ...(vary
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => {
                const change = vary();
                return { ...req, ...change, headers: { ...req.headers, ...change.headers } };
              },
            },
          ],
        }
      : {}),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${request.path}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}

/** Latency at a given rate, not saturated: paced when the rate allows it. */
async function atRate(url: string, request: BenchRequest, rate: number) {
  if (rate > PACED_LIMIT) return load(url, request, duration, rate);
  const { failures, ...result } = await paced(url, request, duration, rate, connections);
  if (failures > 0) throw new Error(`${request.path}: ${failures} non-2xx answers at ${rate}/s`);
  return result;
}

const wanted = process.argv.slice(2);
const chosen = wanted.length > 0 ? scenarios.filter((s) => wanted.includes(s.name)) : scenarios;
if (chosen.length === 0) {
  console.error(`unknown scenario ${wanted.join(' ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

await mkdir(resultsDir, { recursive: true });
const dataset: Record<string, string> = chosen.some((scenario) => scenario.dataset === 'district')
  ? { BENCH_DATASET: 'district' }
  : {};
const app = await serve(['app'], dataset);
const rows = [];
try {
  for (const scenario of chosen) {
    const request = await scenario.request(app.url);
    const sample = await fetch(app.url + request.path, {
      method: request.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body,
    });
    const bodyFile = path.join(resultsDir, `.baseline-${scenario.name}.json`);
    await writeFile(bodyFile, await sample.text());
    const baseline = await serve(['baseline', bodyFile]);
    // Warm both up so the JIT and the database caches are not part of the figures.
    const constant = { path: request.path, method: request.method, headers: request.headers, body: request.body };
    await load(baseline.url, constant, 2);
    const baselineResult = await load(baseline.url, constant);
    await stop(baseline);
    await load(app.url, request, 2);
    const appResult = await load(app.url, request);
    // Latency when not saturated: the same load at half the rate the app just managed.
    const halfRate = Math.max(1, Math.floor(appResult.requestsPerSecond / 2));
    const atHalfRate = await atRate(app.url, request, halfRate);
    const extra: Record<string, number> = {
      ...((await scenario.extra?.()) ?? {}),
      halfRatePerSecond: halfRate,
      p50MsAtHalfRate: atHalfRate.p50Ms,
      p99MsAtHalfRate: atHalfRate.p99Ms,
    };
    for (const rate of scenario.rates ?? []) {
      const measured = await atRate(app.url, request, rate);
      extra[`p50MsAt${rate}PerSecond`] = measured.p50Ms;
      extra[`p99MsAt${rate}PerSecond`] = measured.p99Ms;
      extra[`achievedAt${rate}PerSecond`] = measured.requestsPerSecond;
    }
    rows.push({
      scenario: scenario.name,
      description: scenario.description,
      ...appResult,
      baseline: baselineResult,
      ratioToBaseline: appResult.requestsPerSecond / baselineResult.requestsPerSecond,
      extra,
    });
  }
} finally {
  await stop(app);
}

console.log(
  `\n${app.about.database} database, ${app.about.redis ? 'Redis' : 'in-process bus/cache'}, ${connections} connections, ${duration} s each`,
);
console.table(
  rows.map((r) => ({
    scenario: r.scenario,
    'req/s': Math.round(r.requestsPerSecond),
    'p50 ms': r.p50Ms,
    'p99 ms': r.p99Ms,
    'baseline req/s': Math.round(r.baseline.requestsPerSecond),
    'baseline p99 ms': r.baseline.p99Ms,
    'vs baseline': `${(r.ratioToBaseline * 100).toFixed(0)}%`,
    'p99 ms at half rate': Math.round((r.extra.p99MsAtHalfRate ?? 0) * 10) / 10,
  })),
);
for (const row of rows) {
  for (const [name, value] of Object.entries(row.extra)) console.log(`${row.scenario}: ${name} = ${value.toFixed(2)}`);
}
const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
await writeFile(
  file,
  `${JSON.stringify({ at: new Date().toISOString(), database: app.about.database, redis: app.about.redis, connections, duration, rows }, null, 2)}\n`,
);
console.log(`results written to ${path.relative(process.cwd(), file)}`);
