import { defineConfig } from 'vitest/config';

// One runner for every package: tests import workspace packages from source
// (the "source" export condition), so no build is needed between edits.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/storage/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
