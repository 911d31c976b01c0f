import { expect, type Locator, type Page } from '@playwright/test';
import { centre, type E2EBoardState, type E2ECard, type E2ERect } from '../bridge.js';

/** The board page, read through the app's test bridge because the board itself is a canvas. */
export class BoardPage {
  constructor(readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link);
  }

  async join(name: string): Promise<void> {
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('button', { name: 'Join' }).click();
    await this.waitUntilSynced();
  }

  async waitUntilSynced(): Promise<void> {
    await expect.poll(() => this.status()).toBe('synced');
    await expect(this.page.getByRole('status').filter({ hasText: 'Up to date' })).toBeVisible();
  }

  status(): Promise<string | null> {
    return this.page.evaluate(() => window.__kinmap?.status() ?? null);
  }

  role(): Promise<string | null> {
    return this.page.evaluate(() => window.__kinmap?.role ?? null);
  }

  participantId(): Promise<string | null> {
    return this.page.evaluate(() => window.__kinmap?.participantId ?? null);
  }

  state(): Promise<E2EBoardState | null> {
    return this.page.evaluate(() => window.__kinmap?.state() ?? null);
  }

  async cards(): Promise<E2ECard[]> {
    const state = await this.state();
    return state ? Object.values(state.cards) : [];
  }

  async cardWithText(text: string): Promise<E2ECard | undefined> {
    return (await this.cards()).find((c) => c.text === text);
  }

  cardRect(cardId: string): Promise<E2ERect | null> {
    return this.page.evaluate((id) => window.__kinmap?.cardRect(id) ?? null, cardId);
  }

  sectionRect(category: string): Promise<E2ERect | null> {
    return this.page.evaluate((c) => window.__kinmap?.sectionRect(c) ?? null, category);
  }

  /** Which card Konva actually drew at the centre of the card's rectangle. */
  async cardDrawnAtItsPlace(cardId: string): Promise<string | null> {
    const rect = await this.cardRect(cardId);
    if (!rect) return null;
    const { x, y } = centre(rect);
    return this.page.evaluate(([px, py]) => window.__kinmap?.cardAt(px ?? 0, py ?? 0) ?? null, [x, y]);
  }

  /** Adds a card through the toolbar and types its text into the editor that opens. */
  async addCard(sectionLabel: string, text: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Section' }).selectOption({ label: sectionLabel });
    await this.page.getByRole('button', { name: 'Add card' }).click();
    await expect(this.editor).toBeFocused();
    await this.editor.pressSequentially(text);
    await this.editor.press('Escape');
    await expect(this.editor).toBeHidden();
  }

  /** The textarea that opens over a card being edited. */
  get editor(): Locator {
    return this.page.getByLabel('Card text');
  }

  /** Clicks the card on the canvas, which selects it for the toolbar. */
  async clickCard(cardId: string): Promise<void> {
    const rect = await this.cardRect(cardId);
    if (!rect) throw new Error(`card ${cardId} is not drawn`);
    const { x, y } = centre(rect);
    await this.page.mouse.click(x, y);
  }

  /** Double-clicks the card on the canvas and waits for its editor. */
  async openEditor(cardId: string): Promise<void> {
    const rect = await this.cardRect(cardId);
    if (!rect) throw new Error(`card ${cardId} is not drawn`);
    const { x, y } = centre(rect);
    await this.page.mouse.dblclick(x, y);
    await expect(this.editor).toBeFocused();
  }

  /** Opens the card's editor, types at the end of its text and closes it. */
  async appendToCard(cardId: string, text: string): Promise<void> {
    await this.openEditor(cardId);
    await this.editor.press('End');
    await this.editor.pressSequentially(text);
    await this.editor.press('Escape');
    await expect(this.editor).toBeHidden();
  }

  /** A real mouse drag on the canvas, from the card's centre to the middle of a section. */
  async dragCardTo(cardId: string, category: string): Promise<void> {
    const from = await this.cardRect(cardId);
    const to = await this.sectionRect(category);
    if (!from || !to) throw new Error(`cannot drag ${cardId} to ${category}: not drawn`);
    const start = centre(from);
    const end = centre(to);
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + 10, start.y + 10, { steps: 3 });
    await this.page.mouse.move(end.x, end.y, { steps: 15 });
    await this.page.mouse.up();
  }

  async shareLink(role: string): Promise<string> {
    return this.page.locator(`input[data-role="${role}"]`).inputValue();
  }
}
