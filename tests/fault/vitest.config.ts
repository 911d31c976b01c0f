import { defineConfig } from 'vitest/config';

// Fault, fuzz and soak suites: real server processes, kills and floods. One file at a time, so
// their memory and timing figures are not disturbed by each other or by the unit tests.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['tests/fault/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
