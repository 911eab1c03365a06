// npm run bench:compare: issue 20's table, re-measured. Starts ../shared/bench/drf-ref (10,000 shops,
// 500,000 products) and our app on a copy of the same rows, runs the same wrk scenarios against both
// in alternating rounds, then each at half its saturated rate for p99, and writes the results.
// Env: BENCH_DURATION (s, 20), ROUNDS (3), BENCH_HALF_DURATION (s, 15), BENCH_SMALL=1 (drf-ref's
// small catalog), BENCH_NODE (ours under these Node majors, e.g. 24 or 20,24; default this one),
// BENCH_DB (kupwara_bench), BENCH_PG (postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_REDIS_URL (redis://127.0.0.1:6379/9), BENCH_SCENARIOS (some of ping,stores-centre,
// stores-random,products,orders), WEB_CONCURRENCY (passed to ours).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { benchCustomers, clearCache, orderStore, prepareOurDatabase, scratchDir } from './compare/fixtures';
import { type Context, compareScenarios, type SideKind } from './compare/scenarios';
import {
  installLine,
  missingTools,
  nodeBinary,
  type Ours,
  startOurs,
  startReference,
  stopOurs,
  stopReference,
} from './compare/servers';
import { type WrkResult, wrk } from './compare/wrk';
import { PACED_LIMIT, paced } from './paced';

const duration = Number(process.env.BENCH_DURATION ?? 20);
const rounds = Number(process.env.ROUNDS ?? 3);
const halfDuration = Number(process.env.BENCH_HALF_DURATION ?? 15);
const small = process.env.BENCH_SMALL === '1';
const nodes = (process.env.BENCH_NODE ?? process.versions.node.split('.')[0] ?? '20').split(',').map(Number);
const pgServer = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ourDb = process.env.BENCH_DB ?? 'kupwara_bench';
const refDb = 'drf_ref';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const refUrl = 'http://127.0.0.1:8001';
const wanted = process.env.BENCH_SCENARIOS?.split(',');
const scenarios = compareScenarios.filter((s) => !wanted || wanted.includes(s.name));
const wrkShape = { threads: 2, connections: 50 };
const resultsDir = path.join(import.meta.dirname, 'results');

const missing = missingTools();
if (missing.length > 0) {
  console.error(`bench:compare needs ${missing.join(', ')}. Install drf-ref's stack with:\n${installLine}`);
  process.exit(1);
}

const dir = await scratchDir();
const refEnv = { STATE_DIR: path.join(dir, 'drf-ref'), DB_NAME: refDb, SEED_ARGS: small ? '' : '--full-catalog' };
const ours: { node: number; server: Ours }[] = [];

async function cleanUp() {
  await Promise.all(ours.map(({ server }) => stopOurs(server)));
  await stopReference(refEnv);
  await rm(dir, { recursive: true, force: true });
}
process.once('SIGINT', () => {
  console.error('\ninterrupted: stopping both servers');
  void cleanUp().finally(() => process.exit(130));
});

interface Side {
  name: string;
  kind: SideKind;
  url: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

try {
  console.log(`seeding drf-ref (${small ? 'small catalog' : '--full-catalog'}) and starting gunicorn …`);
  const refSeconds = await startReference(refEnv);
  console.log(`drf-ref seeded and serving in ${refSeconds.toFixed(1)} s; copying its rows into ${ourDb} …`);
  const imported = await prepareOurDatabase(pgServer, ourDb, refDb);
  console.log(
    `ours: ${imported.stores} shops, ${imported.products} products migrated and imported in ${imported.seconds.toFixed(1)} s`,
  );
  await clearCache(redisUrl);
  for (const node of nodes)
    ours.push({ node, server: await startOurs(await nodeBinary(node), imported.url, redisUrl) });
  const sides: Side[] = [
    { name: 'DRF-ref', kind: 'ref', url: refUrl },
    ...ours.map(({ node, server }) => ({ name: `ours (Node ${node})`, kind: 'ours' as const, url: server.url })),
  ];
  const firstOurs = ours[0]?.server.url ?? '';
  const customers = await benchCustomers(firstOurs, 50);
  const context = { dir, store: await orderStore(imported.url) };

  const runs: { round: number; scenario: string; side: string; result: WrkResult }[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const scenario of scenarios) {
      for (const side of sides) {
        const ctx: Context = { ...context, tokens: () => customers.tokens(side.url) };
        const target = await scenario.target(side.kind, ctx);
        const options = { url: side.url + target.path, script: target.script, ...wrkShape };
        await wrk({ ...options, seconds: 3 });
        const result = await wrk({ ...options, seconds: duration });
        runs.push({ round, scenario: scenario.name, side: side.name, result });
        const bad = result.non2xx + result.socketErrors;
        console.log(
          `round ${round} ${scenario.name.padEnd(14)} ${side.name.padEnd(16)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s  p99 ${result.p99Ms.toFixed(1)} ms${bad ? `  ${bad} non-2xx/errors` : ''}`,
        );
      }
    }
  }

  const rows = [];
  for (const scenario of scenarios) {
    const perSide: Record<
      string,
      { requestsPerSecond: number; failed: number; halfRate: number; p99MsAtHalf: number; failures: number }
    > = {};
    for (const side of sides) {
      const mine = runs.filter((r) => r.scenario === scenario.name && r.side === side.name);
      const requestsPerSecond = median(mine.map((r) => r.result.requestsPerSecond));
      const failed = mine.reduce((sum, r) => sum + r.result.non2xx + r.result.socketErrors, 0);
      const halfRate = Math.max(1, Math.floor(requestsPerSecond / 2));
      const ctx: Context = { ...context, tokens: () => customers.tokens(side.url) };
      const target = await scenario.target(side.kind, ctx);
      // One Node process cannot pace more than PACED_LIMIT a second: above it the rate is capped (and said so).
      const rate = Math.min(halfRate, PACED_LIMIT);
      const half = await paced(side.url, target.paced, halfDuration, rate, wrkShape.connections);
      perSide[side.name] = {
        requestsPerSecond,
        failed,
        halfRate: rate,
        p99MsAtHalf: half.p99Ms,
        failures: half.failures,
      };
    }
    rows.push({ scenario: scenario.name, label: scenario.label, goal: scenario.goal, sides: perSide });
  }

  const reference = sides[0]?.name ?? 'DRF-ref';
  const ourSides = sides.slice(1).map((s) => s.name);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const header = `| scenario | DRF-ref req/s | ${ourSides.map((s) => `${s} req/s | ${s} / DRF`).join(' | ')} | goal |`;
  const table = [
    header,
    `|${'---|'.repeat(header.split('|').length - 2)}`,
    ...rows.map((row) => {
      const ref = row.sides[reference]?.requestsPerSecond ?? 0;
      // Refused or failed answers make a rate meaningless: the table says so beside it.
      const rate = (side: string) => {
        const result = row.sides[side];
        return `${fmt(result?.requestsPerSecond ?? 0)}${result?.failed ? ` (${result.failed} failed)` : ''}`;
      };
      const cells = ourSides.map((s) => {
        const mine = row.sides[s]?.requestsPerSecond ?? 0;
        return `${rate(s)} | ${ref ? (mine / ref).toFixed(1) : '–'}×`;
      });
      return `| ${row.label} | ${rate(reference)} | ${cells.join(' | ')} | ≥ ${row.goal}× |`;
    }),
  ];
  const p99Header = `| p99 at half load (ms) | ${sides.map((s) => s.name).join(' | ')} |`;
  const p99Table = [
    p99Header,
    `|${'---|'.repeat(sides.length + 1)}`,
    ...rows.map(
      (row) =>
        `| ${row.label} | ${sides
          .map((s) => {
            const half = row.sides[s.name];
            return half
              ? `${half.p99MsAtHalf.toFixed(1)} @ ${fmt(half.halfRate)}/s${half.failures ? ` (${half.failures} failed)` : ''}`
              : '–';
          })
          .join(' | ')} |`,
    ),
  ];
  const about = `${new Date().toISOString()}: ${imported.stores} shops, ${imported.products} products; wrk -t${wrkShape.threads} -c${wrkShape.connections} -d${duration}s after a 3 s warm-up, ${rounds} alternating round(s), median; p99 paced for ${halfDuration} s at half the median rate (at most ${PACED_LIMIT}/s); drf-ref seeded in ${refSeconds.toFixed(1)} s, ours imported in ${imported.seconds.toFixed(1)} s; WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? 'unset'}`;
  const markdown = `${about}\n\n${table.join('\n')}\n\n${p99Table.join('\n')}\n`;
  console.log(`\n${markdown}`);

  await mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = path.join(resultsDir, `compare-${stamp}`);
  await writeFile(`${base}.md`, markdown);
  await writeFile(
    `${base}.json`,
    `${JSON.stringify({ at: new Date().toISOString(), duration, rounds, halfDuration, small, nodes, webConcurrency: process.env.WEB_CONCURRENCY ?? null, seeding: { refSeconds, ourSeconds: imported.seconds, stores: imported.stores, products: imported.products }, rows, runs }, null, 2)}\n`,
  );
  console.log(`results written to ${path.relative(process.cwd(), base)}.{md,json}`);
} finally {
  await cleanUp();
}
