import { expect, type Locator, type Page } from '@playwright/test';
import { openView } from './chrome.js';

/** The Scaling view of a board: plain HTML around an SVG line per scale. */
export class ScalesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await openView(this.page, 'Scaling');
    await expect(this.page.getByRole('heading', { name: 'Scaling', level: 2 })).toBeVisible();
  }

  /** A scale's section by its heading: 'Overall', 'Worry 1', … */
  scale(heading: string): Locator {
    return this.page.getByRole('region', { name: heading, exact: true });
  }

  async score(heading: string, value: number, reason: string): Promise<void> {
    const scale = this.scale(heading);
    await scale.getByRole('combobox', { name: 'Your score' }).selectOption(String(value));
    await scale.getByLabel('Why this number? (optional)').fill(reason);
    await scale.getByRole('button', { name: 'Save my score' }).click();
    await expect(scale.getByRole('status').filter({ hasText: 'Your score is saved' })).toBeVisible();
  }

  async addPair(dangerStatement: string, safetyGoal: string): Promise<void> {
    await this.page.getByLabel('Danger statement: what are we worried will happen?').fill(dangerStatement);
    await this.page.getByLabel('Safety goal: what do we need to see, and for how long?').fill(safetyGoal);
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
  }

  /** The marks drawn on a scale's line, by participant id. */
  markers(heading: string): Locator {
    return this.scale(heading).locator('.scale-line__marker');
  }

  /** A scale's ratings as this page's board state holds them (the test bridge's `state()`). */
  ratings(scaleId: string): Promise<Record<string, { value: number; reason: string }> | null> {
    return this.page.evaluate((id) => {
      type Scales = {
        scales?: Record<string, { ratings: Record<string, { value: number; reason: string }> }>;
      };
      const state = window.__kinmap?.state() as unknown as Scales | null | undefined;
      return state?.scales?.[id]?.ratings ?? null;
    }, scaleId);
  }
}
