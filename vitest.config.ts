import { defineConfig } from 'vitest/config';

// `npm test` runs every project; CI runs `--project backend` a second time on PostgreSQL + Redis.
export default defineConfig({
  test: {
    projects: ['packages/shared', 'backend', 'e2e'],
  },
});
