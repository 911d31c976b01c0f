import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage.js';
import { LandingPage } from './pages/LandingPage.js';

export interface Participant {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly landing: LandingPage;
  readonly board: BoardPage;
}

export interface ParticipantOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  /** A touch screen (a phone or tablet). */
  readonly touch?: boolean;
  /** Console errors this test provokes on purpose (e.g. the browser logging a refused request). */
  readonly expectedErrors?: readonly RegExp[];
}

/** The staff account globalSetup created (the specs' facilitator, "Sam Chair"). */
export interface StaffCredentials {
  readonly email: string;
  readonly password: string;
}

interface Fixtures {
  serverUrl: string;
  staff: StaffCredentials;
  /** A new person in their own browser context, with the test bridge on. */
  openParticipant: (label: string, options?: ParticipantOptions) => Promise<Participant>;
}

/**
 * Every page opened through `openParticipant` is watched: a console.error or an uncaught page
 * error anywhere fails the test, so problems the screen hides still surface.
 */
export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern
  serverUrl: async ({}, use) => {
    const url = process.env.KINMAP_E2E_BASE_URL;
    if (!url) throw new Error('KINMAP_E2E_BASE_URL is not set: globalSetup did not start the server');
    await use(url);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern
  staff: async ({}, use) => {
    const email = process.env.KINMAP_E2E_STAFF_EMAIL;
    const password = process.env.KINMAP_E2E_STAFF_PASSWORD;
    if (!email || !password) throw new Error('KINMAP_E2E_STAFF_EMAIL/PASSWORD are not set: see globalSetup');
    await use({ email, password });
  },
  openParticipant: async ({ browser, serverUrl, staff }, use) => {
    const contexts: BrowserContext[] = [];
    const problems: string[] = [];
    await use(
      async (label, { viewport = { width: 1400, height: 900 }, touch = false, expectedErrors = [] } = {}) => {
        const context = await browser.newContext({
          baseURL: serverUrl,
          viewport: { ...viewport },
          hasTouch: touch,
        });
        contexts.push(context);
        await context.addInitScript(() => {
          // Whole stacks for page errors: an update loop (React #185) is traced by where it starts,
          // which the default 10 frames cut off.
          Error.stackTraceLimit = 100;
          window.__kinmapEnableBridge = true;
        });
        const page = await context.newPage();
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          if (expectedErrors.some((pattern) => pattern.test(message.text()))) return;
          problems.push(`[${label}] console.error: ${message.text()}`);
        });
        // The stack is kept so an intermittent error can be traced (the build has no public source maps:
        // build with KINMAP_SOURCEMAP=1 for unlinked maps to read a minified stack against).
        page.on('pageerror', (error) =>
          problems.push(`[${label}] page error: ${error.message}\n${error.stack ?? ''}`),
        );
        return { context, page, landing: new LandingPage(page, staff), board: new BoardPage(page) };
      },
    );
    try {
      expect(problems, 'unexpected console errors or page errors').toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
    }
  },
});

export { expect };
