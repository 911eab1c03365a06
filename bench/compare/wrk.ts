// wrk against one server: the Lua scripts both sides share, one run, and its figures.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Each wrk thread seeds Lua's generator from its own number: the same points, in the same order,
// against either server. The nonce (wrk's first argument) keeps Idempotency-Keys unique across runs.
const threadSeed = `
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  math.randomseed(4242 + tid)
  nonce = args[1] or ""
end
`;

/** GET `format` with a random point within about ±0.02° (~2 km) of the centre filled in (lat, lng). */
export const randomPointScript = (format: string, lat: number, lng: number) => `${threadSeed}
request = function()
  local lat = ${lat} + (math.random() - 0.5) * 0.04
  local lng = ${lng} + (math.random() - 0.5) * 0.04
  return wrk.format("GET", string.format("${format}", lat, lng))
end
`;

export interface OrderScript {
  storeId: string;
  products: { id: string; pricePaise: number }[];
  lines: number;
  /** Bearer tokens, one picked in turn per request; none for the reference (it has no auth). */
  tokens: string[];
  /** JSON members appended to the body (our delivery address and payment method). */
  extraBody: string;
}

/** POST /api/v1/orders with `lines` distinct products of one store, quantity 1 each (drf-ref's bench.sh shape). */
export const orderScript = ({ storeId, products, lines, tokens, extraBody }: OrderScript) => `${threadSeed}
local store = "${storeId}"
local products = {
${products.map((p) => `  {"${p.id}", ${p.pricePaise}},`).join('\n')}
}
local tokens = {${tokens.map((t) => `"${t}"`).join(', ')}}
local extra = '${extraBody}'
local counter = 0
request = function()
  counter = counter + 1
  local first = math.random(#products)
  local parts = {}
  for k = 0, ${lines} - 1 do
    local p = products[((first + k - 1) % #products) + 1]
    parts[#parts + 1] = string.format('{"product_id":"%s","quantity":1,"unit_price_paise":%d}', p[1], p[2])
  end
  local body = string.format('{"store_id":"%s","items":[%s]%s}', store, table.concat(parts, ","), extra)
  local headers = { ["Content-Type"] = "application/json" }
  if #tokens > 0 then
    headers["Authorization"] = "Bearer " .. tokens[((counter + tid) % #tokens) + 1]
    headers["Idempotency-Key"] = "bench-" .. nonce .. "-" .. tid .. "-" .. counter
  end
  return wrk.format("POST", "/api/v1/orders", headers, body)
end
`;

export interface WrkResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  socketErrors: number;
}

const toMs = (value: string) => {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value);
  if (!match) return Number.NaN;
  return Number(match[1]) * ({ us: 0.001, ms: 1, s: 1000 } as const)[match[2] as 'us' | 'ms' | 's'];
};

export function parseWrk(output: string): WrkResult {
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: toMs(/^\s+50%\s+(\S+)/m.exec(output)?.[1] ?? ''),
    p99Ms: toMs(/^\s+99%\s+(\S+)/m.exec(output)?.[1] ?? ''),
    non2xx: number(/Non-2xx or 3xx responses:\s+(\d+)/),
    socketErrors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

export interface WrkOptions {
  url: string;
  /** Path of a Lua script, or none for a plain GET of `url`. */
  script?: string;
  seconds: number;
  threads: number;
  connections: number;
}

export async function wrk({ url, script, seconds, threads, connections }: WrkOptions): Promise<WrkResult> {
  // wrk's 2 s default would drop a saturated order run's slowest answers from the figures.
  const args = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '--latency'];
  if (script) args.push('-s', script);
  args.push(url, '--', randomBytes(6).toString('hex'));
  const { stdout } = await run('wrk', args, { maxBuffer: 1 << 20 });
  return parseWrk(stdout);
}
