import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderStatuses } from './order-machine';

const root = join(__dirname, '../../../..');
const sources = ['packages', 'backend/src', 'backend/test', 'backend/scripts', 'e2e', 'bench', 'scripts'];
const skipped = new Set(['node_modules', 'dist', '.expo', 'migrations']);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mjs|cjs)$/.test(entry.name)) yield path;
  }
}

// The machine and its tests (this one too) may list states; DISPATCH_FROM's option names the two points dispatch may start at.
const allowed = (file: string, line: string) =>
  /^packages\/shared\/src\/domain\/(order-machine(\.test)?|status-lists\.test)\.ts$/.test(file) ||
  line.includes('DISPATCH_FROM');

const status = new RegExp(`\\b(${orderStatuses.join('|')})\\b`, 'g');

describe('the order machine is the one home of the status rules', () => {
  it('is the only place that writes out a list of statuses', () => {
    const lists: string[] = [];
    for (const path of sources.flatMap((dir) => [...sourceFiles(join(root, dir))])) {
      const file = relative(root, path);
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if ((line.match(status)?.length ?? 0) >= 2 && !allowed(file, line))
            lists.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(lists).toEqual([]);
  });

  it('would see a list written elsewhere', () => {
    expect("const awaiting = ['ACCEPTED', 'PREPARING'];".match(status)).toHaveLength(2);
    expect(allowed('packages/shared/src/ui/timeline-steps.ts', "['ACCEPTED', 'PREPARING']")).toBe(false);
  });
});
