import { expect, test } from './fixtures.js';
import { joinAs, startBoard } from './mapBoard.js';
import { menuButton } from './pages/chrome.js';
import { MapPage } from './pages/MapPage.js';

test('zoom with keys, Ctrl+wheel and buttons; a pointer stays on the same card at any zoom', async ({
  openParticipant,
}) => {
  const { facilitator, map: a } = await startBoard(openParticipant, 'Case 6105');
  const b = await joinAs(openParticipant, await facilitator.board.shareLink('family'), 'Alex');
  await a.addCard('Existing strengths', 'Nan takes Mia to school every day');
  const card = await a.cardWithText('Nan takes Mia to school every day');
  if (!card) throw new Error('the card was not added');
  const before = await a.cardRect(card.id);

  const opened = (await a.stageScale()) ?? 0;
  await a.surface.focus();
  await a.page.keyboard.press('+');
  await expect(a.zoomLevel).toHaveText(`${Math.round(opened * 125)}%`);
  const zoomed = await a.cardRect(card.id);
  if (!before || !zoomed) throw new Error('not drawn');
  expect(zoomed.width).toBeCloseTo(before.width * 1.25, 0);
  await expect.poll(() => a.cardDrawnAtItsPlace(card.id)).toBe(card.id);

  // Sam points at the middle of the card on the zoomed screen; Alex, unzoomed, sees the pointer on that card.
  const onCard = await a.reveal(() => a.cardRect(card.id));
  await a.page.mouse.move(onCard.x + onCard.width * 0.75, onCard.y + onCard.height / 2, { steps: 4 });
  await b.expectPointerOn(card.id);

  // Ctrl+wheel zooms out around the mouse; 0 fits the whole board; the buttons do the same.
  await a.page.mouse.move(onCard.x + 5, onCard.y + 5);
  await a.page.keyboard.down('Control');
  await a.page.mouse.wheel(0, 300);
  await a.page.keyboard.up('Control');
  await expect.poll(() => a.stageScale()).toBeLessThan(1.25);
  await a.surface.focus();
  await a.page.keyboard.press('0');
  const board = await a.page.locator('.board-scroll').boundingBox();
  if (!board) throw new Error('no board area');
  // Fit: the whole board in view (the first and the last section).
  await expect
    .poll(async () => {
      const first = await a.sectionRect('harm');
      const last = await a.sectionRect('nextStep');
      return (
        !!first &&
        !!last &&
        first.y >= board.y - 1 &&
        first.x >= board.x - 1 &&
        last.y + last.height <= board.y + board.height + 1 &&
        last.x + last.width <= board.x + board.width + 1
      );
    })
    .toBe(true);
  const fitScale = (await a.stageScale()) ?? 0;

  // Zoom to a column: the column's sections fill the view's width, larger than at Fit but never
  // just a heading at 300 %.
  await a.page.getByRole('button', { name: 'Zoom in' }).click();
  await (await menuButton(a.page, 'Needs to happen')).click();
  await expect.poll(async () => (await a.sectionRect('safetyGoal'))?.x ?? -1).toBeGreaterThanOrEqual(board.x);
  const goals = await a.sectionRect('safetyGoal');
  if (!goals) throw new Error('not drawn');
  expect(goals.x + goals.width).toBeLessThanOrEqual(board.x + board.width);
  expect(goals.y).toBeGreaterThanOrEqual(board.y);
  const columnScale = (await a.stageScale()) ?? 0;
  expect(columnScale).toBeGreaterThan(fitScale);
  expect(columnScale).toBeLessThan(3);
});

test('anyone can follow someone’s view, and the facilitator can bring everyone to their view', async ({
  openParticipant,
}) => {
  const { facilitator, map: a } = await startBoard(openParticipant, 'Case 6106');
  const b = await joinAs(openParticipant, await facilitator.board.shareLink('family'), 'Alex');

  await b.page.getByRole('combobox', { name: 'Follow' }).selectOption({ label: 'Sam Chair (Facilitator)' });
  await (await menuButton(a.page, 'Needs to happen')).click();
  const scaleA = await a.stageScale();
  await expect.poll(() => b.stageScale()).toBeCloseTo(scaleA ?? 0, 2);
  const scrollA = await a.scroll();
  await expect.poll(async () => Math.abs((await b.scroll()).left - scrollA.left)).toBeLessThan(2);

  // Alex stops following; Sam moves on, then brings everyone to the first column.
  await b.page.getByRole('combobox', { name: 'Follow' }).selectOption({ label: 'Nobody' });
  await (await menuButton(a.page, 'Worries')).click();
  await a.page.waitForTimeout(300);
  expect(await b.stageScale()).toBeCloseTo(scaleA ?? 0, 2);
  await a.page.getByRole('button', { name: 'Zoom out' }).click();
  const scaleNow = await a.stageScale();
  await (await menuButton(a.page, 'Bring everyone to me')).click();
  await expect.poll(() => b.stageScale()).toBeCloseTo(scaleNow ?? 0, 2);
  const scrollNow = await a.scroll();
  await expect.poll(async () => Math.abs((await b.scroll()).left - scrollNow.left)).toBeLessThan(2);
});

test('a wall screen opened with ?projector follows the facilitator and never shows a professionals-only card', async ({
  openParticipant,
}, testInfo) => {
  const { facilitator, map: a } = await startBoard(openParticipant, 'Case 6107');
  await a.addCard('Existing strengths', 'Uncle Jo visits on Sundays');
  await a.addCard('Complicating factors', 'Police report from March (professionals only)');
  const open = await a.cardWithText('Uncle Jo visits on Sundays');
  const secret = await a.cardWithText('Police report from March (professionals only)');
  if (!open || !secret) throw new Error('the cards were not added');
  await a.clickCard(secret.id);
  // Moving a card out of everyone's sight asks first (families online may have seen it already).
  a.page.once('dialog', (dialog) => void dialog.accept());
  await a.page.getByRole('button', { name: 'Professionals only' }).click();
  await expect
    .poll(async () => (await a.state())?.cards[secret.id])
    .toMatchObject({ professionalsOnly: true });

  const viewerLink = (await facilitator.board.shareLink('viewer')).replace('#', '?projector#');
  // The wall screen joins straight away: nobody types a name on the room's computer.
  const wallPerson = await openParticipant('wall');
  await wallPerson.board.open(viewerLink);
  await wallPerson.board.waitUntilSynced();
  const wall = new MapPage(wallPerson.page);
  await expect(facilitator.page.getByRole('region', { name: 'On the board now' })).toContainText(
    'Wall screen',
  );
  await expect.poll(() => wall.drawsCard(open.id)).toBe(true);
  expect(await wall.drawsCard(secret.id)).toBe(false);
  await expect(wall.page.getByRole('button', { name: 'Zoom in' })).toHaveCount(0);
  await expect(wall.page.getByRole('button', { name: 'Add card' })).toHaveCount(0);
  // Nothing but the board and whether it is up to date: no title, names or view tabs around it.
  await expect(wall.page.locator('.board-title')).toBeHidden();
  await expect(wall.page.locator('.view-tabs')).toBeHidden();
  await expect(wall.page.getByRole('status').filter({ hasText: 'Up to date' })).toBeVisible();

  // It shows what the facilitator frames, fitted to the wall (the wall is as wide as this
  // laptop here: the same part of the board, letterboxed); the facilitator's pointer is not drawn on the wall.
  await a.page.getByRole('button', { name: 'Zoom in' }).click();
  await a.page.getByRole('button', { name: 'Zoom in' }).click();
  const scale = (await a.stageScale()) ?? 0;
  expect(scale).toBeGreaterThan(1);
  await expect.poll(() => wall.stageScale()).toBeGreaterThan(1);
  const rect = await a.reveal(() => a.cardRect(open.id));
  await a.page.mouse.move(rect.x + 10, rect.y + 10, { steps: 3 });
  await a.page.waitForTimeout(300);
  expect(await wall.cursorPoints()).toEqual([]);

  const shot = testInfo.outputPath('projector.png');
  await wall.page.screenshot({ path: shot });
  await testInfo.attach('projector', { path: shot, contentType: 'image/png' });
});

async function cardsInView(map: MapPage): Promise<Map<string, { x: number; y: number }>> {
  const area = await map.page.locator('.board-scroll').boundingBox();
  if (!area) throw new Error('no board area');
  const seen = new Map<string, { x: number; y: number }>();
  for (const card of await map.cards()) {
    const r = await map.cardRect(card.id);
    if (!r) continue;
    const inside =
      r.x < area.x + area.width &&
      r.y < area.y + area.height &&
      r.x + r.width > area.x &&
      r.y + r.height > area.y;
    if (inside) seen.set(card.id, { x: r.x - area.x, y: r.y - area.y });
  }
  return seen;
}

// Screens of the same shape lay the board out alike (the layout follows the screen's aspect), so
// their board coordinates mean the same cards. Screens of other shapes anchor on sections and
// cards instead (canvas/frame.ts).
test('screens of different sizes and one shape share board coordinates: pointers and “bring everyone to me” land on the same cards', async ({
  openParticipant,
}) => {
  const facilitator = await openParticipant('facilitator', { viewport: { width: 1200, height: 1100 } });
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 6109');
  const a = new MapPage(facilitator.page);
  // Both below a wall's width (1600 px and wider lay out larger text: another shape of layout).
  const person = await openParticipant('Alex', { viewport: { width: 1560, height: 1430 } });
  await person.board.open(await facilitator.board.shareLink('family'));
  await person.board.join('Alex');
  const b = new MapPage(person.page);

  for (const text of ['Mia was hurt', 'Dad shouted at Mia', 'Mum left the house at night'])
    await a.addCard('Harm', text);
  await a.addCard('Next steps', 'Nan takes Mia to school every day');
  await b.expectTexts([
    'Dad shouted at Mia',
    'Mia was hurt',
    'Mum left the house at night',
    'Nan takes Mia to school every day',
  ]);
  const card = await a.cardWithText('Nan takes Mia to school every day');
  if (!card) throw new Error('the card was not added');

  // Both lay the board out alike; the larger screen shows it larger.
  const widthOf = (m: MapPage) => m.page.evaluate(() => window.__kinmap?.boardSize()?.width ?? 0);
  expect(await widthOf(b)).toBe(await widthOf(a));
  const scaleA = (await a.stageScale()) ?? 0;
  await expect.poll(async () => (await b.stageScale()) ?? 0).toBeGreaterThan(scaleA * 1.2);

  // Sam points at the left quarter of a card in the third column; Alex's screen draws it on that card.
  await a.page.keyboard.press('Escape');
  const onCard = await a.reveal(() => a.cardRect(card.id));
  await a.page.mouse.move(onCard.x + onCard.width * 0.25, onCard.y + onCard.height / 2, { steps: 4 });
  await b.expectPointerOn(card.id);

  // Sam zooms in and brings everyone to that view: Alex's larger screen shows the same part of
  // the board, larger, so every card Sam has in view (even partly) is in view for Alex too.
  await a.page.getByRole('button', { name: 'Zoom in' }).click();
  await a.reveal(() => a.cardRect(card.id));
  const samSees = await cardsInView(a);
  expect(samSees.size).toBeGreaterThan(0);
  const zoomedA = (await a.stageScale()) ?? 0;
  await (await menuButton(a.page, 'Bring everyone to me')).click();
  await expect.poll(async () => (await b.stageScale()) ?? 0).toBeGreaterThan(zoomedA);
  await expect
    .poll(async () => {
      const alexSees = await cardsInView(b);
      return [...samSees.keys()].filter((id) => !alexSees.has(id));
    })
    .toEqual([]);
});
