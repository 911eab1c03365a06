import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routePathsSource } from './route-paths-source';
import { routes } from './routes';

describe('route-paths.ts', () => {
  it('has every route of routes.ts with its method and path (else: npx tsx scripts/route-paths.ts)', () => {
    const written = readFileSync(new URL('./route-paths.ts', import.meta.url), 'utf8');
    expect(written).toBe(routePathsSource(routes));
  });
});
