import { expect, type Locator, type Page } from '@playwright/test';
import { openView } from './chrome.js';

/** The outline view: the board as HTML, driven the way a keyboard or screen-reader user would. */
export class OutlinePage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByRole('main', { name: 'Outline of the board' });
  }

  get announcer(): Locator {
    return this.page.getByTestId('outline-announcer');
  }

  async open(): Promise<void> {
    await openView(this.page, 'Outline');
    await expect(this.root).toBeVisible();
  }

  /** The list item of the card whose words are exactly `text`. */
  card(text: string): Locator {
    return this.root.locator('li.outline-card').filter({
      has: this.page.locator('.outline-card__text', { hasText: new RegExp(`^${escapeRegExp(text)}$`) }),
    });
  }

  /** Adds a card with the section's button and types its words into the textarea that opens. */
  async addCard(category: string, text: string): Promise<void> {
    await this.root.getByRole('button', { name: `Add a card to ${category}`, exact: true }).click();
    const editor = this.root.getByRole('textbox', { name: new RegExp(`^Text of card \\d+ in ${category}$`) });
    await expect(editor).toBeFocused();
    await editor.fill(text);
    await editor.press('Escape');
    await expect(editor).toBeHidden();
    await expect(this.card(text)).toBeVisible();
  }

  /** The accessible text of whatever has the keyboard focus. */
  focusedText(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return '';
      return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
  }

  /** Presses Tab (or Shift+Tab) until the focused element reads `text`; fails after `limit` presses. */
  async tabTo(text: string, { back = false, limit = 60 } = {}): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if ((await this.focusedText()) === text) return;
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Tab never reached "${text}" (last: "${await this.focusedText()}")`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
