import { expect, type Page } from '@playwright/test';

/** The start page: a case label in, a new board out. */
export class LandingPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  /** Creates a board and waits for its page; returns the board id from the address. */
  async createBoard(caseLabel: string): Promise<string> {
    await expect(this.page.getByText('Use a case label, not the child’s full name.')).toBeVisible();
    await this.page.getByLabel('Case label').fill(caseLabel);
    await this.page.getByRole('button', { name: 'Create board' }).click();
    await this.page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/);
    return new URL(this.page.url()).pathname.split('/').at(-1) ?? '';
  }
}
