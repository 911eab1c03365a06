// npx tsx bench/sequential.ts <scenario> [count]: one request at a time against the real app, so
// the latency is the service time with no queueing (what a single user waits). Same env as run.ts.
import { fork } from 'node:child_process';
import path from 'node:path';
import { scenarios } from './scenarios';

const [name, count = '300'] = process.argv.slice(2);
const scenario = scenarios.find((s) => s.name === name);
if (!scenario) {
  console.error(`unknown scenario ${name}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const child = fork(path.join(import.meta.dirname, 'serve.ts'), ['app'], {
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, ...(scenario.dataset === 'district' ? { BENCH_DATASET: 'district' } : {}) },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const port = await new Promise<number>((resolve) =>
  child.once('message', (m) => resolve((m as { port: number }).port)),
);
const url = `http://127.0.0.1:${port}`;
try {
  const request = await scenario.request(url);
  const times: number[] = [];
  for (let i = 0; i < Number(count); i++) {
    const change = request.vary?.() ?? {};
    const started = performance.now();
    const res = await fetch(url + (change.path ?? request.path), {
      method: request.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...request.headers, ...change.headers },
      body: change.body ?? request.body,
    });
    await res.text();
    if (res.status >= 300) throw new Error(`${request.path} answered ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(2);
  console.log(
    `${scenario.name}: ${times.length} requests one at a time: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms`,
  );
} finally {
  child.kill('SIGTERM');
}
