import type { Page, TestInfo } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { startBoard } from './mapBoard.js';
import { MapPage } from './pages/MapPage.js';

// Several people on one board on a shared, busy test machine: give each test room.
test.slow();

/** A screenshot kept in the test's output folder and attached to its report. */
async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Whether two boxes share any area. */
function overlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('laptop: a thin top bar, tools beside the chosen card, shortcuts and their help sheet', async ({
  openParticipant,
}, testInfo) => {
  const { facilitator, map } = await startBoard(openParticipant, 'Case 7101');
  const page = map.page;
  await map.addCard('Harm', 'Mia was hit on the arm');
  await map.addCard('Existing safety', 'Gran picks Mia up');

  // Chrome above the map at 1400×900: the board area starts at most 120 px below the top.
  const board = await page.locator('.board-scroll').boundingBox();
  if (!board) throw new Error('no board area');
  expect(board.y).toBeLessThanOrEqual(120);
  console.log(`chrome above the map at 1400x900: ${board.y} px`);
  await shot(page, testInfo, 'laptop-1400x900.png');

  // Choosing a card puts its toolbar beside it, not over it, and wholly inside the board area.
  const harm = await map.cardWithText('Mia was hit on the arm');
  if (!harm) throw new Error('card missing');
  await map.clickCard(harm.id);
  const bar = page.getByRole('toolbar', { name: 'Chosen card' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('data-placed', 'yes');
  const barBox = await bar.boundingBox();
  const cardBox = await map.cardRect(harm.id);
  if (!barBox || !cardBox) throw new Error('not drawn');
  expect(overlap(barBox, cardBox)).toBe(false);
  expect(barBox.y).toBeGreaterThanOrEqual(board.y);
  expect(barBox.x + barBox.width).toBeLessThanOrEqual(board.x + board.width);
  // Beside it: within 16 px of one of the card's edges.
  const gap = Math.min(
    Math.abs(barBox.y + barBox.height - cardBox.y),
    Math.abs(cardBox.y + cardBox.height - barBox.y),
    Math.abs(barBox.x - (cardBox.x + cardBox.width)),
    Math.abs(cardBox.x - (barBox.x + barBox.width)),
  );
  expect(gap).toBeLessThanOrEqual(16);
  await shot(page, testInfo, 'laptop-selection.png');

  // Its buttons work, and show their keys in the tooltip.
  const agree = bar.getByRole('button', { name: 'I agree' });
  await expect(agree).toHaveAttribute('title', 'I agree (A)');
  await expect(agree).toHaveAttribute('aria-keyshortcuts', 'A');
  await agree.click();
  await expect
    .poll(async () => (await map.cardWithText('Mia was hit on the arm'))?.marks)
    .toEqual({
      [(await map.participantId()) ?? '']: 'agree',
    });
  await expect(agree).toHaveAttribute('aria-pressed', 'true');
  await bar.getByRole('button', { name: 'Delete card' }).click();
  await expect.poll(async () => (await map.cardWithText('Mia was hit on the arm')) === undefined).toBe(true);
  await expect(bar).toBeHidden();

  // `?` opens the help sheet, which lists the shortcuts, keeps focus, and closes on Escape.
  await map.surface.focus();
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Agree with the chosen card');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await shot(page, testInfo, 'laptop-help.png');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(map.surface).toBeFocused();

  // The menu holds the rest, and the sheet opens from there too.
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('button', { name: 'Lock the board' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Wall screen mode' })).toBeVisible();
  await shot(page, testInfo, 'laptop-menu.png');
  await page.locator('#board-menu').getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // The people: faces in the bar, names in the pop-over.
  await page.getByRole('region', { name: 'On the board now' }).getByRole('button').click();
  await expect(page.getByText('Sam Chair (you)')).toBeVisible();
  await page.keyboard.press('Escape');

  expect(await seriousViolations(page, testInfo, 'board-laptop')).toEqual([]);
  void facilitator;
});

test('arrow keys announce the chosen card; others’ changes are announced politely', async ({
  openParticipant,
}) => {
  const { facilitator, map } = await startBoard(openParticipant, 'Case 7102');
  await map.addCard('Harm', 'Mia was hit on the arm');
  const link = await facilitator.board.shareLink('family');
  const alex = await openParticipant('Alex');
  await alex.board.open(link);
  await alex.board.join('Alex');
  const other = new MapPage(alex.page);

  await map.surface.focus();
  await map.page.keyboard.press('ArrowDown');
  const selection = map.page.getByTestId('announce-selection');
  await expect(selection).toHaveText(/Harm, card 1 of 1\. Mia was hit on the arm\. Written by Sam Chair/);

  // Alex agrees with the card; Sam's screen reader hears it.
  const card = await other.cardWithText('Mia was hit on the arm');
  if (!card) throw new Error('card missing');
  await other.clickCard(card.id);
  await other.page
    .getByRole('toolbar', { name: 'Chosen card' })
    .getByRole('button', { name: 'I agree' })
    .click();
  await expect(map.page.getByTestId('announce-changes')).toHaveText(
    /Alex agrees with: Mia was hit on the arm\./,
  );
  await expect(map.page.getByTestId('announce-changes')).toHaveAttribute('aria-live', 'polite');
});

test('phone: one-line top bar, a bottom action bar of 44 px targets, one tap adds a card', async ({
  openParticipant,
}, testInfo) => {
  const { facilitator } = await startBoard(openParticipant, 'Case 7103');
  const link = await facilitator.board.shareLink('family');
  const phone = await openParticipant('Alex', { viewport: { width: 390, height: 844 }, touch: true });
  await phone.board.open(link);
  await phone.board.join('Alex');
  const map = new MapPage(phone.page);
  const page = map.page;

  const header = await page.locator('.board-header').boundingBox();
  if (!header) throw new Error('no top bar');
  expect(header.height).toBeLessThanOrEqual(60);
  const bar = page.locator('.phone-bar');
  const buttons = bar.getByRole('button');
  expect(await buttons.count()).toBeGreaterThanOrEqual(5);
  for (const box of await buttons.evaluateAll((els) =>
    els.map((el) => el.getBoundingClientRect().toJSON()),
  )) {
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
  const barBox = await bar.boundingBox();
  if (!barBox) throw new Error('no bar');
  expect(barBox.y + barBox.height).toBeLessThanOrEqual(844 + 0.5);
  const boardArea = await page.locator('.board-scroll').boundingBox();
  if (!boardArea) throw new Error('no board');
  console.log(`phone map share of 844 px: ${(boardArea.height / 844).toFixed(3)}`);
  // The map gets at least 70% of the phone's height by default (no card chosen).
  expect(boardArea.height / 844).toBeGreaterThanOrEqual(0.7);
  await shot(page, testInfo, 'phone-390x844.png');

  // One tap on Add adds a card to the current section and opens it for typing.
  await bar.getByRole('button', { name: /^Add card to/ }).tap();
  await expect(map.editor).toBeFocused();
  await map.editor.pressSequentially('I can help on Fridays');
  await map.editor.press('Escape');
  await expect.poll(async () => (await map.cardWithText('I can help on Fridays'))?.category).toBe('harm');

  // The menu holds the views, and everything else.
  await bar.getByRole('button', { name: 'Menu' }).tap();
  await expect(page.getByRole('navigation', { name: 'Choose what to show' })).toBeVisible();
  await shot(page, testInfo, 'phone-menu.png');
  expect(await seriousViolations(page, testInfo, 'board-phone')).toEqual([]);
});

test('wall size: the top bar and the map bar stay one line each', async ({ openParticipant }, testInfo) => {
  const facilitator = await openParticipant('facilitator', { viewport: { width: 1920, height: 1080 } });
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 7104');
  const map = new MapPage(facilitator.page);
  await map.addCard('Harm', 'Mia was hit on the arm');
  const board = await map.page.locator('.board-scroll').boundingBox();
  if (!board) throw new Error('no board area');
  expect(board.y).toBeLessThanOrEqual(120);
  console.log(`chrome above the map at 1920x1080: ${board.y} px`);
  await shot(map.page, testInfo, 'wall-1920x1080.png');
});
