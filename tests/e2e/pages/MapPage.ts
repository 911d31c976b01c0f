import { expect, type Locator } from '@playwright/test';
import { BoardPage } from './BoardPage.js';

/** The map view's own controls (undo, presence, pairs, zoom), on top of the shared board page. */
export class MapPage extends BoardPage {
  get undoButton(): Locator {
    return this.page.getByRole('button', { name: 'Undo', exact: true });
  }

  get redoButton(): Locator {
    return this.page.getByRole('button', { name: 'Redo', exact: true });
  }

  /** The focusable board surface (the canvas's keyboard target). */
  get surface(): Locator {
    return this.page.getByRole('application');
  }

  /** The name tag drawn on the canvas around a card someone else is working on, or null. */
  peerTagOn(cardId: string): Promise<string | null> {
    return this.page.evaluate((id) => {
      const konva = (window as unknown as { Konva?: KonvaGlobal }).Konva;
      const group = konva?.stages[0]?.findOne(`#activity-${id}`);
      return group?.findOne('.peer-activity-label')?.getAttr('text') ?? null;
    }, cardId);
  }

  /** The text of the line under a card's words (pair number, marks), as drawn on the canvas. */
  metaLineOf(cardId: string): Promise<string | null> {
    return this.page.evaluate((id) => {
      const konva = (window as unknown as { Konva?: KonvaGlobal }).Konva;
      return konva?.stages[0]?.findOne(`#${id}`)?.findOne('.card-meta')?.getAttr('text') ?? null;
    }, cardId);
  }

  /** How the card's words are drawn: their alignment and direction on the canvas. */
  textDirectionOf(cardId: string): Promise<{ align: string; direction: string } | null> {
    return this.page.evaluate((id) => {
      const konva = (window as unknown as { Konva?: KonvaGlobal }).Konva;
      const text = konva?.stages[0]?.findOne(`#${id}`)?.findOne('.card-text');
      return text ? { align: text.getAttr('align') ?? '', direction: text.getAttr('direction') ?? '' } : null;
    }, cardId);
  }

  /** The same outlines, in words (for screen readers). */
  get activityList(): Locator {
    return this.page.getByRole('region', { name: 'Who is working on which card' });
  }

  get zoomLevel(): Locator {
    return this.page.getByRole('status', { name: 'Zoom' }).or(this.page.locator('output.map-zoom-level'));
  }

  /** The canvas's zoom, read from Konva. */
  stageScale(): Promise<number | null> {
    return this.page.evaluate(() => {
      const konva = (window as unknown as { Konva?: KonvaGlobal }).Konva;
      return konva?.stages[0]?.scaleX() ?? null;
    });
  }

  /** Where the camera is: the board point (board units) at the top-left of the board's area, and the zoom. */
  camera(): Promise<{ x: number; y: number; scale: number }> {
    return this.page.evaluate(() => window.__kinmap?.camera() ?? { x: 0, y: 0, scale: 1 });
  }

  /** How far the board is panned, in screen pixels (the camera's top-left times its zoom). */
  async scroll(): Promise<{ left: number; top: number }> {
    const c = await this.camera();
    return { left: c.x * c.scale, top: c.y * c.scale };
  }

  /** Where the other people's pointers are drawn, in client pixels. */
  cursorPoints(): Promise<{ x: number; y: number }[]> {
    return this.page.evaluate(() => {
      const konva = (window as unknown as { Konva?: KonvaGlobal }).Konva;
      const stage = konva?.stages[0];
      if (!stage) return [];
      const box = stage.container().getBoundingClientRect();
      return stage.find('.live-cursor').map((node) => {
        const p = node.getAbsolutePosition();
        return { x: box.left + p.x, y: box.top + p.y };
      });
    });
  }

  /** Waits until the (first) other person's pointer is drawn on this card on this screen. */
  async expectPointerOn(cardId: string): Promise<void> {
    const target = await this.reveal(() => this.cardRect(cardId));
    await expect
      .poll(async () => {
        const [p] = await this.cursorPoints();
        return (
          !!p &&
          p.x > target.x &&
          p.x < target.x + target.width &&
          p.y > target.y &&
          p.y < target.y + target.height
        );
      })
      .toBe(true);
  }

  /** Is the card drawn on this screen's canvas at all? */
  drawsCard(cardId: string): Promise<boolean> {
    return this.page.evaluate((id) => {
      const konva = (window as unknown as { Konva?: KonvaGlobal }).Konva;
      return !!konva?.stages[0]?.findOne(`#${id}`);
    }, cardId);
  }

  async texts(): Promise<string[]> {
    return (await this.cards()).map((c) => c.text).sort();
  }

  async expectTexts(texts: readonly string[]): Promise<void> {
    await expect.poll(() => this.texts()).toEqual([...texts].sort());
  }
}

/** The little of Konva's global the tests read: the stage and its nodes by selector. */
interface KonvaNode {
  findOne(selector: string): KonvaNode | undefined;
  find(selector: string): KonvaNode[];
  getAttr(name: string): string | undefined;
  scaleX(): number;
  getAbsolutePosition(): { x: number; y: number };
  container(): HTMLElement;
}
interface KonvaGlobal {
  readonly stages: readonly KonvaNode[];
}
