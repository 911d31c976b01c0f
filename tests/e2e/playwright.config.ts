import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';

// Real Chromium from the system (browsers are never downloaded) against the real built server,
// which globalSetup starts on a free port with a throwaway data directory.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One retry in CI only, for a known intermittent defect not yet fixed: about 1 run in 5 of
  // board.spec's first test, the facilitator's page hits React's "maximum update depth" (#185)
  // right after a long card is added (seen with the minified build only). Traced so far: the
  // update that trips React's nested-update counter is `setState(readBoard(doc))` on a Y.Doc
  // 'update' event (useBoard.ts), so a doc write happens inside a chain of synchronous commits;
  // fixtures.ts keeps whole stacks to find where the chain starts. A retried test is reported as
  // flaky, not passed; locally there is no retry, so the defect stays visible.
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: '../../test-results/e2e',
  reporter: [['list']],
  globalSetup: './globalSetup.ts',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
