import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The apps take the contract's types only: zod and the schemas (half a megabyte of the web
// bundle) stay on the server. This follows every import that is not `import type` from each
// app's screens and features and names the chain that would pull zod in.
const packages = path.resolve(import.meta.dirname, '../..');
const entries: Record<string, string> = JSON.parse(
  readFileSync(path.join(packages, 'shared/package.json'), 'utf8'),
).exports;

function resolve(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else if (specifier.startsWith('@kupwara/shared')) {
    const entry = entries[`.${specifier.slice('@kupwara/shared'.length)}`];
    if (!entry) throw new Error(`${from}: no entry ${specifier} in @kupwara/shared`);
    return path.join(packages, 'shared', entry);
  } else return undefined;
  const candidates = ['.ts', '.tsx', '/index.ts', '/index.tsx', ''].map((ending) => base + ending);
  return candidates.find((file) => existsSync(file) && !file.endsWith(path.sep));
}

/** The modules a file loads at run time: `import type` and `export type` load nothing. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'/gms)) {
    if (!match[1] && match[2]) specifiers.push(match[2]);
  }
  return specifiers;
}

function chainToZod(start: string): string[] | undefined {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | undefined => {
    if (seen.has(file)) return undefined;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier === 'zod' || specifier.startsWith('zod/')) return [...chain, file, specifier];
      const next = resolve(file, specifier);
      const found = next && walk(next, [...chain, file]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, []);
}

const sources = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => path.join(dir, name));

describe('the apps load no zod', () => {
  for (const app of ['customer-app', 'seller-app', 'rider-app']) {
    it(app, () => {
      const files = ['app', 'src'].flatMap((dir) => sources(path.join(packages, app, dir)));
      expect(files.length).toBeGreaterThan(10);
      const chains = files.flatMap((file) => {
        const chain = chainToZod(file);
        return chain ? [chain.map((step) => path.relative(packages, step)).join(' → ')] : [];
      });
      expect(chains).toEqual([]);
    });
  }
});
