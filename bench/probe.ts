// Temporary probe: sequential latency of one scenario's requests against the real app.
import { fork } from 'node:child_process';
import path from 'node:path';
import { scenarios } from './scenarios';

const child = fork(path.join(import.meta.dirname, 'serve.ts'), ['app'], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const port = await new Promise<number>((resolve) =>
  child.once('message', (m) => resolve((m as { port: number }).port)),
);
const url = `http://127.0.0.1:${port}`;
const scenario = scenarios.find((s) => s.name === process.argv[2]);
if (!scenario) throw new Error('no scenario');
const request = await scenario.request(url);
const times: number[] = [];
for (let i = 0; i < 300; i++) {
  const change = request.vary?.() ?? {};
  const t = performance.now();
  const res = await fetch(url + (change.path ?? request.path), {
    method: request.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...request.headers, ...change.headers },
    body: change.body ?? request.body,
  });
  await res.text();
  times.push(performance.now() - t);
  if (res.status >= 300) console.log(res.status);
}
times.sort((a, b) => a - b);
console.log('p50', times[150]?.toFixed(2), 'p90', times[270]?.toFixed(2), 'p99', times[297]?.toFixed(2));
child.kill('SIGTERM');
