import { expect, type Page } from '@playwright/test';
import type { StaffCredentials } from '../fixtures.js';

/** The start page: sign in as staff, then a case label in, a new board out. */
export class LandingPage {
  constructor(
    readonly page: Page,
    readonly staff: StaffCredentials,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  /** Signs in through the form with the given account (the test administrator by default). */
  async signIn(account: StaffCredentials = this.staff): Promise<void> {
    await this.page.getByLabel('Email').fill(account.email);
    await this.page.getByLabel('Password').fill(account.password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  }

  /**
   * Signs in when the page asks for it, creates a board and waits until it is up to date;
   * returns the board id from the address.
   */
  async createBoard(caseLabel: string): Promise<string> {
    const caseLabelField = this.page.getByLabel('Case label');
    const signInButton = this.page.getByRole('button', { name: 'Sign in' });
    await expect(caseLabelField.or(signInButton)).toBeVisible();
    if (await signInButton.isVisible()) await this.signIn();
    await expect(this.page.getByText('Use a case label, not the child’s full name.')).toBeVisible();
    await caseLabelField.fill(caseLabel);
    await this.page.getByRole('button', { name: 'Create board' }).click();
    await this.page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/);
    await expect.poll(() => this.page.evaluate(() => window.__kinmap?.status() ?? null)).toBe('synced');
    return new URL(this.page.url()).pathname.split('/').at(-1) ?? '';
  }

  /** Chooses a board data file in the board list's import form and imports it. */
  async importBoard(name: string, contents: Buffer): Promise<void> {
    await this.page
      .getByLabel('Board data file')
      .setInputFiles({ name, mimeType: 'application/json', buffer: contents });
    await this.page.getByRole('button', { name: 'Import board' }).click();
  }
}
