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
  /** Console errors this test provokes on purpose (e.g. the browser logging a refused request). */
  readonly expectedErrors?: readonly RegExp[];
}

interface Fixtures {
  serverUrl: string;
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
  openParticipant: async ({ browser, serverUrl }, use) => {
    const contexts: BrowserContext[] = [];
    const problems: string[] = [];
    await use(async (label, { viewport = { width: 1400, height: 900 }, expectedErrors = [] } = {}) => {
      const context = await browser.newContext({ baseURL: serverUrl, viewport: { ...viewport } });
      contexts.push(context);
      await context.addInitScript(() => {
        window.__kinmapEnableBridge = true;
      });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (expectedErrors.some((pattern) => pattern.test(message.text()))) return;
        problems.push(`[${label}] console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`[${label}] page error: ${error.message}`));
      return { context, page, landing: new LandingPage(page), board: new BoardPage(page) };
    });
    try {
      expect(problems, 'unexpected console errors or page errors').toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
    }
  },
});

export { expect };
