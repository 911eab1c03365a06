import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestApp } from '../../../test/app';

const run = promisify(execFile);
const bin = (name: string) => fileURLToPath(new URL(`../../../../node_modules/.bin/${name}`, import.meta.url));
// Redocly asks the registry for updates and sends usage data unless told not to; CI has no network for it.
const offline = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

let dir: string;
let documentPath: string;
let document: OpenAPI3;

beforeAll(async () => {
  const { app } = await makeTestApp();
  const res = await app.inject({ url: '/docs/json' });
  await app.close();
  expect(res.statusCode).toBe(200);
  document = res.json();
  dir = await mkdtemp(path.join(tmpdir(), 'kupwara-openapi-'));
  documentPath = path.join(dir, 'openapi.json');
  await writeFile(documentPath, res.body);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

it("passes Redocly's recommended rules with no error and no warning", { timeout: 120_000 }, async () => {
  const lint = [bin('redocly'), 'lint', '--extends=recommended', '--format=json', documentPath];
  // A failed lint exits 1 and still prints its report.
  const { stdout } = await run(process.execPath, lint, { cwd: dir, env: offline }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as LintReport;
  const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
  expect(problems).toEqual([]);
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  // A report that lints nothing would pass too: it did read the API.
  expect(Object.keys(document.paths ?? {})).toContain('/api/v1/orders/{id}');
});

// Compiled against the generated types: a wrong name, field or type in either would not compile.
const clientSource = `
import type { paths } from './api';

type PlaceOrder = paths['/api/v1/orders']['post'];
export const headers: PlaceOrder['parameters']['header'] = { 'idempotency-key': 'order-2a7c-01' };
export const body: PlaceOrder['requestBody']['content']['application/json'] = {
  store_id: '0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4e',
  items: [{ product_id: '0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4f', quantity: 2, unit_price_paise: 4500 }],
  delivery_address: { text: 'Near the Jamia Masjid, Kupwara', location: { lat: 34.5297, lng: 74.2543 } },
  payment_method: 'cash',
};
type Placed = PlaceOrder['responses'][201]['content']['application/json'];
export const totalOf = (order: Placed): number => order.total_paise;

type GetOrder = paths['/api/v1/orders/{id}']['get'];
export const params: GetOrder['parameters']['path'] = { id: '0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4e' };
type Missing = GetOrder['responses'][404]['content']['application/json'];
export const codeOf = (error: Missing): string => error.error.code;

type Nearby = paths['/api/v1/stores']['get'];
export const near: Nearby['parameters']['query'] = { lat: 34.5297, lng: 74.2543 };

// @ts-expect-error a status is one of the machine's, not any string
export const status: Placed['status'] = 'SHIPPED';
`;

it('gives openapi-typescript a document whose generated client typechecks', { timeout: 120_000 }, async () => {
  const types = astToString(await openapiTS(document));
  await writeFile(path.join(dir, 'api.d.ts'), types);
  await writeFile(path.join(dir, 'client.ts'), clientSource);
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      noEmit: true,
      types: [],
    },
    files: ['client.ts'],
  };
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const { stdout } = await run(process.execPath, [bin('tsc'), '-p', dir], { cwd: dir }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? 'tsc failed' }),
  );
  expect(stdout).toBe('');
});
