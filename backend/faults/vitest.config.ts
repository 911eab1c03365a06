import { defineProject } from 'vitest/config';

// Not part of `npm test`: `npm run test:faults` starts its own PostgreSQL, Redis and two API processes.
export default defineProject({
  test: {
    name: 'faults',
    include: ['faults/**/*.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    hookTimeout: 120_000,
    testTimeout: 150_000,
    fileParallelism: false,
  },
});
