// Open-loop load at a steady rate, shared by `npm run bench` and `npm run bench:compare`.
import http from 'node:http';
import type { BenchRequest } from './scenario';

function send(agent: http.Agent, url: string, request: BenchRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url + request.path, {
      agent,
      method: request.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...request.headers },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

const percentile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))] ?? 0;

/** Above this rate one Node process cannot send paced requests: autocannon's per-second quota is used instead. */
export const PACED_LIMIT = 2000;

/**
 * Open-loop load at a steady rate: a request every 1/rate s, each timed from when it was due, so
 * a slow answer cannot hold back the next (autocannon's own rate limit fires each second's quota
 * at once, which measures bursts rather than a steady stream). At most `connections` sockets, as
 * many as the saturated run had: requests beyond them wait, and the wait counts.
 */
export async function paced(url: string, request: BenchRequest, seconds: number, rate: number, connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.floor(seconds * rate);
  const latencies: number[] = [];
  const sent: Promise<void>[] = [];
  let failures = 0;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const change = request.vary?.() ?? {};
    const answer = send(agent, url, { ...request, ...change, headers: { ...request.headers, ...change.headers } }).then(
      (status) => {
        if (status >= 300) failures += 1;
        latencies.push(performance.now() - due);
      },
    );
    sent.push(answer);
  }
  await Promise.all(sent);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const elapsed = (performance.now() - start) / 1000;
  return {
    requestsPerSecond: total / elapsed,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    failures,
  };
}
