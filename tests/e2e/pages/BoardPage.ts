import { expect, type Locator, type Page } from '@playwright/test';
import { centre, type E2EBoardState, type E2ECard, type E2ERect } from '../bridge.js';
import { openMenu } from './chrome.js';

/** The board page, read through the app's test bridge because the board itself is a canvas. */
export class BoardPage {
  constructor(readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link);
  }

  /** On the `/join` page of a personal link: gives the name, and waits for the board. */
  async join(name: string): Promise<void> {
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('button', { name: 'Join' }).click();
    await this.page.waitForURL(/\/b\/[A-Za-z0-9_-]+/);
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

  /**
   * Adds a card through the toolbar, types its text into the editor that opens, and waits until the
   * board shows it: the bridge publishes typing in its own task, which a busy machine can delay.
   */
  async addCard(sectionLabel: string, text: string): Promise<void> {
    const section = this.page.getByRole('combobox', { name: 'Section' });
    // On a phone the section and "Add card" are in the menu (its bottom bar adds to the current section).
    if (!(await section.isVisible())) await openMenu(this.page);
    await section.selectOption({ label: sectionLabel });
    await this.page.getByRole('button', { name: 'Add card', exact: true }).click();
    await expect(this.editor).toBeFocused();
    await this.editor.pressSequentially(text);
    await this.editor.press('Escape');
    await expect(this.editor).toBeHidden();
    await expect.poll(async () => (await this.cardWithText(text))?.text).toBe(text);
  }

  /**
   * Pans the board with the mouse wheel over it (as a person would) until the rectangle is wholly
   * on screen, then reads it again: the mouse can only reach what is visible.
   */
  async reveal(read: () => Promise<E2ERect | null>): Promise<E2ERect> {
    for (let attempt = 0; attempt < 4; attempt++) {
      const rect = await read();
      const view = await this.page.evaluate(() => window.__kinmap?.viewRect() ?? null);
      if (!rect || !view) throw new Error('not drawn on the board');
      const dx =
        rect.x < view.x
          ? rect.x - view.x - 8
          : rect.x + rect.width > view.x + view.width
            ? Math.min(rect.x - view.x - 8, rect.x + rect.width - view.x - view.width + 8)
            : 0;
      const dy =
        rect.y < view.y
          ? rect.y - view.y - 8
          : rect.y + rect.height > view.y + view.height
            ? Math.min(rect.y - view.y - 8, rect.y + rect.height - view.y - view.height + 8)
            : 0;
      if (dx === 0 && dy === 0) return rect;
      await this.page.mouse.move(view.x + view.width / 2, view.y + view.height / 2);
      await this.page.mouse.wheel(dx, dy);
      await this.page.waitForTimeout(50);
    }
    const fresh = await read();
    if (!fresh) throw new Error('not drawn on the board');
    return fresh;
  }

  /** Clicks a section's "+ Add" button drawn on the canvas and types the new card's text. */
  async addCardWithCanvasButton(category: string, text: string): Promise<void> {
    const button = await this.reveal(() =>
      this.page.evaluate((c) => window.__kinmap?.addButtonRect(c) ?? null, category),
    );
    const { x, y } = centre(button);
    await this.page.mouse.click(x, y);
    await expect(this.editor).toBeFocused();
    await this.editor.pressSequentially(text);
    await this.editor.press('Escape');
    await expect(this.editor).toBeHidden();
    await expect.poll(async () => (await this.cardWithText(text))?.category).toBe(category);
  }

  /** The textarea that opens over a card being edited. */
  get editor(): Locator {
    return this.page.getByLabel('Card text');
  }

  /**
   * Clicks the card on the canvas, which selects it for the toolbar. The chosen card's toolbar sits
   * beside that card and may cover part of a neighbour: as a person would, this clicks a part of the
   * card that the toolbar leaves visible.
   */
  async clickCard(cardId: string): Promise<void> {
    const { x, y } = await this.visiblePointOf(cardId);
    await this.page.mouse.click(x, y);
  }

  /**
   * A point where the card itself is under the mouse, as a person would aim: its centre unless
   * something lies over it there (the chosen card's toolbar floats over its neighbours), else the
   * first uncovered point of a grid over the card. Fails if no part of the card can be clicked.
   */
  async visiblePointOf(cardId: string): Promise<{ x: number; y: number }> {
    const rect = await this.reveal(() => this.cardRect(cardId));
    const points = [centre(rect)];
    for (const fy of [0.25, 0.5, 0.75, 0.1, 0.9]) {
      for (const fx of [0.5, 0.25, 0.75, 0.1, 0.9]) {
        points.push({ x: rect.x + rect.width * fx, y: rect.y + rect.height * fy });
      }
    }
    const found = await this.page.evaluate(
      ([id, candidates]) =>
        candidates.find((p) => {
          const el = document.elementFromPoint(p.x, p.y);
          return el instanceof HTMLCanvasElement && window.__kinmap?.cardAt(p.x, p.y) === id;
        }) ?? null,
      [cardId, points] as const,
    );
    if (!found) throw new Error(`no part of card ${cardId} can be clicked: something covers it`);
    return found;
  }

  /** Double-clicks the card on the canvas and waits for its editor. */
  async openEditor(cardId: string): Promise<void> {
    const { x, y } = await this.visiblePointOf(cardId);
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

  /** Opens the "Invite people" panel (staff only) unless it is open. */
  async openInvitePanel(): Promise<Locator> {
    const toggle = await this.inviteToggle();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const panel = this.page.getByRole('region', { name: 'Invite people' });
    await expect(panel).toBeVisible();
    return panel;
  }

  async closeInvitePanel(): Promise<void> {
    const toggle = await this.inviteToggle();
    if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  }

  /** The "Invite people" button: in the top bar, or in its menu on a phone (the menu is opened). */
  private async inviteToggle(): Promise<Locator> {
    const inBar = this.page.locator('.board-header').getByRole('button', { name: 'Invite people' });
    if (await inBar.isVisible()) return inBar;
    await openMenu(this.page);
    return this.page.locator('#board-menu').getByRole('button', { name: 'Invite people' });
  }

  /**
   * Creates a personal invite for one person through the "Invite people" panel and returns the
   * full link, read from the list of open links (newest first). The panel is closed again so the
   * board keeps its size.
   */
  async shareLink(role: string, label = `Test ${role}`): Promise<string> {
    const panel = await this.openInvitePanel();
    const links = panel.getByLabel(`Link for ${label}`, { exact: true });
    const before = await links.count();
    await panel.getByLabel('Name or label').first().fill(label);
    await panel.locator('select[id^="invite-role-"]').first().selectOption(role);
    await panel.getByRole('button', { name: 'Create 1 link' }).click();
    await expect(links).toHaveCount(before + 1);
    const link = await links.first().inputValue();
    await this.closeInvitePanel();
    return link;
  }
}
