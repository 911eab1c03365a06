import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The backend's layers, lowest first. A module imports from the layers below it and from itself,
 * never from above, and never from a peer in its own layer; the files at the root of src (app.ts,
 * main.ts, schema.ts) stand on everything. Tests are held to the same order as the code beside them.
 */
const ROOT = '(root)';
const LAYERS: readonly (readonly string[])[] = [
  ['platform'],
  ['accounts'],
  ['stores'],
  ['catalog'],
  ['notifications', 'analytics'],
  ['orders'],
  ['payments'],
  ['delivery'],
  ['realtime'],
  ['demo'],
  [ROOT],
];

/** db.ts builds Drizzle's typed client from the whole schema, which gathers every module's tables. */
const ALLOWED = new Set(['platform/db.ts -> schema.ts']);

const SRC = import.meta.dirname;

/** The module a file (relative to src) belongs to: its first folder, or the root files. */
const moduleOf = (file: string) => (file.includes('/') ? (file.split('/')[0] ?? '') : ROOT);

const layerOf = (module: string) => LAYERS.findIndex((layer) => layer.includes(module));

/** Why `from` may not import `to` (both relative to src), or undefined when it may. */
function breach(from: string, to: string): string | undefined {
  const [a, b] = [moduleOf(from), moduleOf(to)];
  if (a === b || ALLOWED.has(`${from} -> ${to}`)) return undefined;
  const [low, high] = [layerOf(b), layerOf(a)];
  if (high < 0) return `${from} -> ${to}: ${a}/ is in no layer (add it to LAYERS in layering.test.ts)`;
  if (low < 0) return `${from} -> ${to}: ${b}/ is in no layer (add it to LAYERS in layering.test.ts)`;
  if (low === high) return `${from} -> ${to}: ${a} and ${b} are peers (neither imports the other)`;
  if (low > high) return `${from} -> ${to}: ${a} is below ${b}`;
  return undefined;
}

/** The files (relative to src) that `source`, at `file`, imports by relative path, inside src. */
function relativeImports(file: string, source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles.flatMap(({ fileName }) => {
    if (!fileName.startsWith('.')) return [];
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName));
    // Outside src: the test helpers in backend/test.
    if (target.startsWith('../')) return [];
    return [target.endsWith('.ts') ? target : `${target}.ts`];
  });
}

function sourceFiles(dir = ''): string[] {
  return readdirSync(path.join(SRC, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

describe('the layers', () => {
  it('point one way: no import runs against them', () => {
    const files = sourceFiles();
    const imports = files.flatMap((file) =>
      relativeImports(file, readFileSync(path.join(SRC, file), 'utf8')).map((to) => [file, to] as const),
    );
    // The scan sees the code: every module's files, and the one allowed edge.
    expect(new Set(files.map(moduleOf))).toEqual(new Set(LAYERS.flat()));
    expect(imports).toContainEqual(['platform/db.ts', 'schema.ts']);
    const breaches = imports.flatMap(([from, to]) => breach(from, to) ?? []);
    expect(breaches, `imports against the layers:\n  ${breaches.join('\n  ')}\n`).toEqual([]);
  });

  it.each([
    ['orders/effects.ts', 'delivery/jobs.ts', 'orders/effects.ts -> delivery/jobs.ts: orders is below delivery'],
    ['platform/config.ts', 'catalog/x.ts', 'platform/config.ts -> catalog/x.ts: platform is below catalog'],
    [
      'stores/routes.ts',
      'catalog/catalog-cache.ts',
      'stores/routes.ts -> catalog/catalog-cache.ts: stores is below catalog',
    ],
    ['accounts/tokens.test.ts', 'app.ts', 'accounts/tokens.test.ts -> app.ts: accounts is below (root)'],
    [
      'analytics/facts.ts',
      'notifications/requests.ts',
      'analytics/facts.ts -> notifications/requests.ts: analytics and notifications are peers (neither imports the other)',
    ],
    [
      'loyalty/points.ts',
      'platform/db.ts',
      'loyalty/points.ts -> platform/db.ts: loyalty/ is in no layer (add it to LAYERS in layering.test.ts)',
    ],
    ['platform/jobs.ts', 'schema.ts', 'platform/jobs.ts -> schema.ts: platform is below (root)'],
    ['platform/db.ts', 'schema.ts', undefined],
    ['delivery/dispatch.ts', 'orders/transitions.ts', undefined],
    ['platform/platform.ts', 'platform/media/storage.ts', undefined],
    ['app.ts', 'realtime/routes.ts', undefined],
  ])('%s importing %s: %s', (from, to, expected) => {
    expect(breach(from, to)).toBe(expected);
  });

  it('reads every kind of relative import, and only imports', () => {
    const source = [
      "import type { Db } from '../platform/db';",
      "import {\n  a,\n  b,\n} from './near';",
      "export { c } from '../stores/store-view';",
      "const later = () => import('../catalog/stock');",
      "import { z } from 'zod';",
      "import { makeTestApp } from '../../test/app';",
      'const text = "import { x } from \'../demo/seed\'";',
    ].join('\n');
    expect(relativeImports('orders/placement.ts', source)).toEqual([
      'platform/db.ts',
      'orders/near.ts',
      'stores/store-view.ts',
      'catalog/stock.ts',
    ]);
  });
});
