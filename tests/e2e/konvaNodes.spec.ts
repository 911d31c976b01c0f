import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/**
 * Konva as the app builds it for a smaller first load (docs/PERFORMANCE.md "First load"): its own
 * `Path` on the browser's Path2D (apps/web/src/lib/konvaPath.ts) and its own `node.to` instead of
 * Konva's Tween (lib/konvaCore.ts, lib/konvaTween.ts). These check, in Chromium, that the badge
 * icons are really drawn and that presence tags still fade.
 */

interface DrawnIcon {
  readonly className: string;
  readonly box: { width: number; height: number };
  /** Pixels inside the icon's box painted in (about) its stroke colour. */
  readonly inkPixels: number;
}

/** The icon of a card's badge as drawn on the canvas, or null while there is none. */
async function badgeIcon(page: Page, cardId: string, kind: string): Promise<DrawnIcon | null> {
  return page.evaluate(
    ({ cardId, kind }) => {
      type Rect = { x: number; y: number; width: number; height: number };
      type Node = {
        getClassName(): string;
        getAttr(a: string): unknown;
        getClientRect(): Rect;
        getLayer(): { getNativeCanvasElement(): HTMLCanvasElement } | null;
        findOne(s: string): Node | undefined;
        getChildren(): Node[];
      };
      const stage = (window as unknown as { Konva?: { stages: { findOne(s: string): Node | undefined }[] } })
        .Konva?.stages[0];
      const badge = stage?.findOne(`#${cardId}`)?.findOne(`.card-badge--${kind}`);
      const icon = badge?.getChildren().find((n) => n.getAttr('data') !== undefined);
      const canvas = icon?.getLayer()?.getNativeCanvasElement();
      if (!icon || !canvas) return null;
      const box = icon.getClientRect();
      const ratio = canvas.width / canvas.clientWidth;
      const ctx = canvas.getContext('2d');
      if (!ctx || box.width < 1 || box.height < 1)
        return { className: icon.getClassName(), box, inkPixels: 0 };
      const pixels = ctx.getImageData(
        Math.round(box.x * ratio),
        Math.round(box.y * ratio),
        Math.max(1, Math.round(box.width * ratio)),
        Math.max(1, Math.round(box.height * ratio)),
      ).data;
      const hex = String(icon.getAttr('stroke'));
      const ink = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      let inkPixels = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const distance =
          Math.abs((pixels[i] ?? 0) - (ink[0] ?? 0)) +
          Math.abs((pixels[i + 1] ?? 0) - (ink[1] ?? 0)) +
          Math.abs((pixels[i + 2] ?? 0) - (ink[2] ?? 0));
        if (distance < 60 && (pixels[i + 3] ?? 0) > 200) inkPixels++;
      }
      return { className: icon.getClassName(), box: { width: box.width, height: box.height }, inkPixels };
    },
    { cardId, kind },
  );
}

/** The opacity of the presence tag on a card (someone else's activity), or null while there is none. */
async function presenceTagOpacity(page: Page, cardId: string): Promise<number | null> {
  return page.evaluate((cardId) => {
    type Node = { opacity(): number; findOne(s: string): Node | undefined };
    const stage = (window as unknown as { Konva?: { stages: Node[] } }).Konva?.stages[0];
    const tag = stage?.findOne(`#activity-${cardId}`)?.findOne('.peer-activity-tag');
    return tag ? tag.opacity() : null;
  }, cardId);
}

test('badge icons are drawn by the app’s Path, and presence tags fade with its node.to', async ({
  openParticipant,
}) => {
  test.setTimeout(120_000);
  const chair = await openParticipant('facilitator');
  await chair.landing.goto();
  await chair.landing.createBoard('Case 1399');
  await chair.board.addCard('Harm', 'Dad shouted at Mia in the kitchen');
  const harm = await chair.board.cardWithText('Dad shouted at Mia in the kitchen');
  if (!harm) throw new Error('the card was not added');

  // The facilitator agrees: the card gets an "agree" badge with its thumbs-up icon.
  await chair.board.clickCard(harm.id);
  await chair.page.getByRole('button', { name: 'I agree' }).click();
  await expect.poll(async () => (await badgeIcon(chair.page, harm.id, 'agree'))?.className).toBe('Path');
  const icon = await badgeIcon(chair.page, harm.id, 'agree');
  // Its box is the icon's square (the 24-unit viewBox scaled to the badge), and it is painted.
  expect(icon?.box.width).toBeGreaterThan(8);
  expect(Math.abs((icon?.box.width ?? 0) - (icon?.box.height ?? 0))).toBeLessThan(1);
  await expect
    .poll(async () => (await badgeIcon(chair.page, harm.id, 'agree'))?.inkPixels)
    .toBeGreaterThan(12);

  // A family member selects the card: the facilitator sees their tag, which fades after a while.
  const family = await openParticipant('family');
  await family.board.open(await chair.board.shareLink('family'));
  await family.board.join('Dad');
  await family.board.clickCard(harm.id);
  await expect.poll(() => presenceTagOpacity(chair.page, harm.id)).toBe(1);
  await expect.poll(() => presenceTagOpacity(chair.page, harm.id), { timeout: 20_000 }).toBe(0);
});
