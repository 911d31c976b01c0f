import { expect } from '@playwright/test';
import type { E2ERect } from '../bridge.js';
import { MapPage } from './MapPage.js';

/** The map's worries-and-goals row: danger statements and safety goals side by side, with their scales. */
export class AnalysisPage extends MapPage {
  /** The pair a card belongs to, as this page's board state holds it. */
  pairIdOf(cardId: string): Promise<string | null> {
    return this.page.evaluate((id) => {
      const state = window.__kinmap?.state() as unknown as {
        cards: Record<string, { pairId?: string | null }>;
      };
      return state?.cards[id]?.pairId ?? null;
    }, cardId);
  }

  analysisRowRect(pairId: string): Promise<E2ERect | null> {
    return this.page.evaluate((id) => window.__kinmap?.analysisRowRect(id) ?? null, pairId);
  }

  /** The line under the pair's scale ("Collecting privately: …", "Middle score …"), as drawn. */
  scaleStatus(pairId: string): Promise<string | null> {
    return this.page.evaluate((id) => {
      const konva = (window as unknown as { Konva?: KonvaGlobal }).Konva;
      const scale = konva?.stages[0]?.findOne(`#analysis-scale-${id}`);
      return scale?.findOne('.analysis-scale-status')?.getAttr('text') ?? null;
    }, pairId);
  }

  /** How many people's markers are drawn on the pair's scale. */
  markerCount(pairId: string): Promise<number> {
    return this.page.evaluate((id) => {
      const konva = (window as unknown as { Konva?: KonvaGlobal }).Konva;
      return konva?.stages[0]?.findOne(`#analysis-scale-${id}`)?.find('.analysis-marker').length ?? 0;
    }, pairId);
  }

  /** The note a section shows when some of its cards are in the row below, or null. */
  sectionNote(): Promise<string[]> {
    return this.page.evaluate(() => {
      const konva = (window as unknown as { Konva?: KonvaGlobal }).Konva;
      return (konva?.stages[0]?.find('.section-note') ?? []).map((node) => node.getAttr('text') ?? '');
    });
  }

  async openMap(): Promise<void> {
    await this.page.getByRole('button', { name: 'Map', exact: true }).click();
    await expect(this.surface).toBeVisible();
  }

  /** Scrolls the board so the pair's row is on screen. */
  async revealRow(pairId: string): Promise<E2ERect> {
    return this.reveal(() => this.analysisRowRect(pairId));
  }
}

interface KonvaNode {
  findOne(selector: string): KonvaNode | undefined;
  find(selector: string): KonvaNode[];
  getAttr(name: string): string | undefined;
}
interface KonvaGlobal {
  readonly stages: readonly KonvaNode[];
}
