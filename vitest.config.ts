import { defineConfig } from 'vitest/config';

// `npm test` runs every project (then the component tests, in Jest); CI runs `--project backend` a
// second time on PostgreSQL + Redis. With TEST_RESULTS_DIR set, results also go there as JSON.
const results = process.env.TEST_RESULTS_DIR;

export default defineConfig({
  test: {
    projects: ['packages/shared', 'packages/shared/test', 'backend', 'e2e'],
    ...(results ? { reporters: ['default', 'json'], outputFile: { json: `${results}/embedded.json` } } : {}),
  },
});
