import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests: pure modules run in Node; DOM code opts in per file with
 * `// @vitest-environment jsdom`. The extension API is never real here: tests import
 * the in-memory fake from tests/helpers/fake-platform.ts instead of src/platform/browser.ts.
 */
export default defineConfig({
  // Vite 8 compiles TS/JSX with oxc (its `esbuild` options are ignored): JSX goes to Preact.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: [
      {
        find: /^(\.\.\/)+platform\/browser$/,
        replacement: resolve(import.meta.dirname, 'tests/helpers/fake-platform.ts'),
      },
    ],
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
