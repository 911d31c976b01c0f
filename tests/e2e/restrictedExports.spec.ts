import { writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { openMenu } from './pages/chrome.js';
import { OutlinePage } from './pages/OutlinePage.js';
import { pngSize, ReportsPage } from './pages/ReportsPage.js';

/**
 * The picture of the map and professionals-only cards (issue 12): staff choose whether they are
 * in it, and a picture holding them carries a red banner saying so.
 */

const SECRET = 'Police record — restricted';
const OPEN = 'Nan takes Mia to school';
const BANNER_RED = [185, 28, 28];

/** The colour of a pixel of a PNG, read by the browser itself. */
async function pixel(page: Page, bytes: Buffer, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    async ({ base64, x, y }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const context = canvas.getContext('2d');
      if (!context) return [];
      context.drawImage(bitmap, 0, 0);
      return Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3));
    },
    { base64: bytes.toString('base64'), x, y },
  );
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not laid out');
  return found;
}

test('staff choose whether the picture of the map holds professionals-only cards; one that does says so in a banner', async ({
  openParticipant,
}, testInfo) => {
  const staff = await openParticipant('staff');
  await staff.landing.goto();
  const boardId = await staff.landing.createBoard('Case 8401');
  await staff.board.addCard('Existing strengths', OPEN);
  await staff.page.getByRole('checkbox', { name: 'New cards: professionals only' }).check();
  await staff.page.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Harm' });
  await staff.page.getByRole('button', { name: 'Add professionals-only card' }).click();
  await staff.board.editor.fill(SECRET);
  await staff.board.editor.press('Escape');
  await expect.poll(async () => (await staff.board.cardWithText(SECRET))?.professionalsOnly).toBe(true);

  // The toolbar with the choice made before writing, at the three sizes.
  for (const [name, size] of [
    ['phone', { width: 390, height: 844 }],
    ['laptop', { width: 1400, height: 900 }],
    ['wall', { width: 1920, height: 1080 }],
  ] as const) {
    await staff.page.setViewportSize(size);
    // On a phone the add controls are in the menu (its bottom bar adds into the page shown).
    if (name === 'phone') await openMenu(staff.page);
    const choice = staff.page.getByRole('checkbox', { name: 'New cards: professionals only' });
    await choice.scrollIntoViewIfNeeded();
    await expect(choice).toBeVisible();
    const add = staff.page.getByRole('button', { name: 'Add professionals-only card' });
    const [a, b] = [await box(choice), await box(add)];
    expect(
      a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
    ).toBe(true);
    const shot = testInfo.outputPath(`toolbar-${name}.png`);
    await staff.page.screenshot({ path: shot });
    await testInfo.attach(`toolbar-${name}`, { path: shot, contentType: 'image/png' });
    if (name === 'phone') await staff.page.keyboard.press('Escape');
  }
  await staff.page.setViewportSize({ width: 1400, height: 900 });

  // The outline (keyboard and screen reader) offers the same choice before writing.
  const outline = new OutlinePage(staff.page);
  await outline.open();
  await outline.root.getByRole('checkbox', { name: 'New cards: professionals only' }).check();
  await outline.addCard('Complicating factors', 'Referral from school — restricted');
  await expect
    .poll(
      async () => (await staff.board.cardWithText('Referral from school — restricted'))?.professionalsOnly,
    )
    .toBe(true);

  const reports = new ReportsPage(staff.page);
  await reports.open();
  const choice = staff.page.getByRole('group', { name: 'Professionals-only cards in the picture' });
  await expect(choice.getByRole('radio', { name: /Leave them out/ })).toBeChecked();

  // Left out (the default): no banner, the plain name.
  const plain = await reports.download('Picture of the map (PNG)');
  expect(plain.name).toBe(`kinmap-${boardId}.png`);
  expect(await pixel(staff.page, plain.bytes, 4, 4)).not.toEqual(BANNER_RED);

  // Included: the red banner above the map, and the file name says so.
  await choice.getByRole('radio', { name: /Include them/ }).check();
  const marked = await reports.download('Picture of the map (PNG)');
  expect(marked.name).toBe(`kinmap-${boardId}-professionals-only.png`);
  const markedPath = testInfo.outputPath('picture-with-banner.png');
  await writeFile(markedPath, marked.bytes);
  await testInfo.attach('picture-with-banner', { path: markedPath, contentType: 'image/png' });
  expect(await pixel(staff.page, marked.bytes, 4, 4)).toEqual(BANNER_RED);
  const { width, height } = pngSize(marked.bytes);
  expect(await pixel(staff.page, marked.bytes, width - 4, 8)).toEqual(BANNER_RED);
  expect(height).toBeGreaterThan(pngSize(plain.bytes).height);

  // The choice at the three sizes: readable, each option a touch target, clear of the downloads.
  for (const [name, size] of [
    ['phone', { width: 390, height: 844 }],
    ['laptop', { width: 1400, height: 900 }],
    ['wall', { width: 1920, height: 1080 }],
  ] as const) {
    await staff.page.setViewportSize(size);
    await choice.scrollIntoViewIfNeeded();
    await expect(choice).toBeVisible();
    for (const option of await choice.getByRole('radio').all()) {
      const label = option.locator('xpath=..');
      expect((await box(label)).height).toBeGreaterThanOrEqual(44);
      const fontSize = await label.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(14);
      expect((await box(label)).x + (await box(label)).width).toBeLessThanOrEqual(size.width);
    }
    const list = staff.page.locator('.reports-downloads');
    expect((await box(choice)).y + (await box(choice)).height).toBeLessThanOrEqual((await box(list)).y);
    const shot = testInfo.outputPath(`picture-choice-${name}.png`);
    await staff.page.screenshot({ path: shot });
    await testInfo.attach(`picture-choice-${name}`, { path: shot, contentType: 'image/png' });
  }

  // The family member is offered no such choice, and their picture has no banner.
  const family = await openParticipant('family');
  await family.board.open(await staff.board.shareLink('family', 'Alex (Mum)'));
  await family.board.join('Alex');
  const theirs = new ReportsPage(family.page);
  await theirs.open();
  await expect(
    family.page.getByRole('group', { name: 'Professionals-only cards in the picture' }),
  ).toHaveCount(0);
  const familyPicture = await theirs.download('Picture of the map (PNG)');
  expect(familyPicture.name).toBe(`kinmap-${boardId}.png`);
  expect(await pixel(family.page, familyPicture.bytes, 4, 4)).not.toEqual(BANNER_RED);
});
