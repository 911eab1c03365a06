import type { RouteSpec } from './route-spec';

/**
 * The text of route-paths.ts for a route table: each route's method and path, nothing else. Used
 * by scripts/route-paths.ts to write the file and by route-paths.test.ts to see it is current.
 */
export function routePathsSource(routes: Record<string, RouteSpec>): string {
  const lines = Object.entries(routes).map(([name, spec]) => `  ${name}: ['${spec.method}', '${spec.path}'],`);
  return [
    '// Written by `npx tsx scripts/route-paths.ts` from routes.ts; route-paths.test.ts fails when it is stale.',
    "// The apps' client needs only where each route is, and this keeps zod's schemas out of their bundles.",
    "import type { RouteSpec } from './route-spec';",
    "import type { RouteName } from './routes';",
    '',
    'export const routePaths = {',
    ...lines,
    "} as const satisfies Record<RouteName, readonly [RouteSpec['method'], string]>;",
    '',
  ].join('\n');
}
