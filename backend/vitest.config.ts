import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'backend',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    // Each file opens its own database clone (about 2 s on PGlite): allow for a loaded machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
