import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    // The server boots a fresh embedded database and the apps may need their first web build.
    hookTimeout: 600_000,
    testTimeout: 60_000,
  },
});
