import { defineConfig } from 'vitest/config';

/**
 * Real-browser tests: Debian's Chromium with the built dist/chrome loaded. One browser per
 * test file (see tests/e2e/harness.ts); files run one at a time, since two cores are all CI has.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
