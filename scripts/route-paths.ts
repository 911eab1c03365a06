// Writes packages/shared/src/contract/route-paths.ts from the route table: run after changing a
// route's method or path, or adding one (route-paths.test.ts says when).
import { writeFileSync } from 'node:fs';
import { routePathsSource } from '../packages/shared/src/contract/route-paths-source';
import { routes } from '../packages/shared/src/contract/routes';

writeFileSync(new URL('../packages/shared/src/contract/route-paths.ts', import.meta.url), routePathsSource(routes));
