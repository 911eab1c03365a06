import { defineProject } from 'vitest/config';

// The client against the real backend (the app factory on a random port), in Node.
export default defineProject({
  test: {
    name: 'client',
    include: ['**/*.test.ts'],
    globalSetup: ['../../../backend/test/global-setup.ts'],
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
