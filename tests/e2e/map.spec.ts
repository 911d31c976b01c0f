import { expect, type Participant, test } from './fixtures.js';
import { MapPage } from './pages/MapPage.js';

async function startBoard(
  openParticipant: (label: string) => Promise<Participant>,
  caseLabel: string,
): Promise<{ facilitator: Participant; map: MapPage }> {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard(caseLabel);
  return { facilitator, map: new MapPage(facilitator.page) };
}

async function joinAs(
  openParticipant: (label: string) => Promise<Participant>,
  link: string,
  name: string,
): Promise<MapPage> {
  const person = await openParticipant(name);
  await person.board.open(link);
  await person.board.join(name);
  return new MapPage(person.page);
}

test('undo takes back only this person’s card; the other person’s card stays', async ({
  openParticipant,
}) => {
  const { facilitator, map: a } = await startBoard(openParticipant, 'Case 6101');
  const b = await joinAs(openParticipant, await facilitator.board.shareLink('family'), 'Alex');
  await expect(a.undoButton).toBeDisabled();

  await a.addCard('Harm', 'Card X from Sam');
  await b.expectTexts(['Card X from Sam']);
  await b.addCard('Existing strengths', 'Card Y from Alex');
  await a.expectTexts(['Card X from Sam', 'Card Y from Alex']);

  // Escape left the keyboard on the board, so Ctrl+Z is the board's undo, not the text field's.
  await expect(a.surface).toBeFocused();
  await a.page.keyboard.press('Control+z');
  await a.expectTexts(['Card Y from Alex']);
  await b.expectTexts(['Card Y from Alex']);
  await expect(a.undoButton).toBeDisabled();

  // Redo puts the card back for both; B's own undo only knows B's card.
  await a.page.keyboard.press('Control+Shift+z');
  await b.expectTexts(['Card X from Sam', 'Card Y from Alex']);
  await b.undoButton.click();
  await a.expectTexts(['Card X from Sam']);
});

test('a deleted card comes back with undo and goes again with redo', async ({ openParticipant }) => {
  const { facilitator, map } = await startBoard(openParticipant, 'Case 6102');
  const family = await joinAs(openParticipant, await facilitator.board.shareLink('family'), 'Alex');
  await map.addCard('Next steps', 'Mum calls the school on Monday');
  const card = await map.cardWithText('Mum calls the school on Monday');
  if (!card) throw new Error('the card was not added');

  await map.clickCard(card.id);
  await map.page.getByRole('button', { name: 'Delete card' }).click();
  await family.expectTexts([]);
  await map.undoButton.click();
  await family.expectTexts(['Mum calls the school on Monday']);
  await expect.poll(() => family.cardDrawnAtItsPlace(card.id)).toBe(card.id);
  await expect(map.redoButton).toBeEnabled();
  await map.page.keyboard.press('Control+y');
  await family.expectTexts([]);
});

test('others see who has chosen a card and who is typing in it', async ({ openParticipant }) => {
  const { facilitator, map: a } = await startBoard(openParticipant, 'Case 6103');
  const b = await joinAs(openParticipant, await facilitator.board.shareLink('family'), 'Alex');
  await a.addCard('Existing safety', 'Gran stays over at weekends');
  const card = await a.cardWithText('Gran stays over at weekends');
  if (!card) throw new Error('the card was not added');
  await expect.poll(() => a.peerTagOn(card.id)).toBeNull();

  await b.clickCard(card.id);
  await expect.poll(() => a.peerTagOn(card.id)).toBe('Alex');
  await expect(a.activityList).toContainText('Alex has chosen: Gran stays over at weekends');

  await b.openEditor(card.id);
  await expect.poll(() => a.peerTagOn(card.id)).toBe('Alex is editing');
  await expect(a.activityList).toContainText('Alex is editing: Gran stays over at weekends');
  // Alex's own screen shows the others on the card (Sam still has it chosen), never Alex.
  expect(await b.peerTagOn(card.id)).toBe('Sam Chair');

  await b.editor.press('Escape');
  await expect.poll(() => a.peerTagOn(card.id)).toBe('Alex');
  // Clicking an empty part of the board lets go of the card: the outline goes for everyone.
  const harm = await b.sectionRect('harm');
  if (!harm) throw new Error('the harm section is not drawn');
  await b.page.mouse.click(harm.x + 6, harm.y + 6);
  await expect.poll(() => a.peerTagOn(card.id)).toBeNull();
  await expect(a.activityList).not.toContainText('Alex');
});

test('a new danger statement offers its safety goal, and both cards show their pair number', async ({
  openParticipant,
}) => {
  const { facilitator, map } = await startBoard(openParticipant, 'Case 6104');
  const family = await joinAs(openParticipant, await facilitator.board.shareLink('family'), 'Alex');
  const offer = map.page.getByRole('button', { name: 'Add its safety goal' });
  await map.addCard('Harm', 'Mia was hurt');
  await expect(offer).toHaveCount(0);

  await map.addCard('Danger statements', 'We worry Mia could be hurt again when Dad drinks');
  await expect(offer).toBeVisible();
  await offer.click();
  await expect(map.editor).toBeFocused();
  await map.editor.pressSequentially('Mia is safe at home every day for six months');
  await map.editor.press('Escape');
  await expect(offer).toHaveCount(0);

  const danger = await family.cardWithText('We worry Mia could be hurt again when Dad drinks');
  const goal = await family.cardWithText('Mia is safe at home every day for six months');
  if (!danger || !goal) throw new Error('the pair did not reach the family');
  expect(goal.category).toBe('safetyGoal');
  await expect.poll(() => family.metaLineOf(danger.id)).toBe('Pair 1');
  await expect.poll(() => family.metaLineOf(goal.id)).toBe('Pair 1');
  await expect.poll(() => map.metaLineOf(goal.id)).toBe('Pair 1');

  // Adding the goal and typing its words is one step: one undo takes both away, and the pair.
  await map.undoButton.click();
  await family.expectTexts(['Mia was hurt', 'We worry Mia could be hurt again when Dad drinks']);
  await expect.poll(() => family.metaLineOf(danger.id)).toBeNull();
});

test('zoom with keys, Ctrl+wheel and buttons; a pointer stays on the same card at any zoom', async ({
  openParticipant,
}) => {
  const { facilitator, map: a } = await startBoard(openParticipant, 'Case 6105');
  const b = await joinAs(openParticipant, await facilitator.board.shareLink('family'), 'Alex');
  await a.addCard('Existing strengths', 'Nan takes Mia to school every day');
  const card = await a.cardWithText('Nan takes Mia to school every day');
  if (!card) throw new Error('the card was not added');
  const before = await a.cardRect(card.id);

  await a.surface.focus();
  await a.page.keyboard.press('+');
  await expect(a.zoomLevel).toHaveText('125%');
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
  await expect.poll(() => a.stageScale()).toBeLessThanOrEqual(1);
  const nextSteps = await a.sectionRect('nextStep');
  const board = await a.page.locator('.board-scroll').boundingBox();
  if (!nextSteps || !board) throw new Error('not drawn');
  expect(nextSteps.y + nextSteps.height).toBeLessThanOrEqual(board.y + board.height + 1);

  await a.page.getByRole('button', { name: 'Zoom in' }).click();
  await a.page.getByRole('button', { name: 'Needs to happen' }).click();
  const goals = await a.sectionRect('safetyGoal');
  if (!goals) throw new Error('not drawn');
  expect(goals.x).toBeGreaterThanOrEqual(board.x);
  expect(goals.x + goals.width).toBeLessThanOrEqual(board.x + board.width);
  await expect.poll(() => a.stageScale()).toBeGreaterThan(1.5);
});

test('anyone can follow someone’s view, and the facilitator can bring everyone to their view', async ({
  openParticipant,
}) => {
  const { facilitator, map: a } = await startBoard(openParticipant, 'Case 6106');
  const b = await joinAs(openParticipant, await facilitator.board.shareLink('family'), 'Alex');

  await b.page.getByRole('combobox', { name: 'Follow' }).selectOption({ label: 'Sam Chair (Facilitator)' });
  await a.page.getByRole('button', { name: 'Needs to happen' }).click();
  const scaleA = await a.stageScale();
  await expect.poll(() => b.stageScale()).toBeCloseTo(scaleA ?? 0, 2);
  const scrollA = await a.scroll();
  await expect.poll(async () => Math.abs((await b.scroll()).left - scrollA.left)).toBeLessThan(2);

  // Alex stops following; Sam moves on, then brings everyone to the first column.
  await b.page.getByRole('combobox', { name: 'Follow' }).selectOption({ label: 'Nobody' });
  await a.page.getByRole('button', { name: 'Worries' }).click();
  await a.page.waitForTimeout(300);
  expect(await b.stageScale()).toBeCloseTo(scaleA ?? 0, 2);
  await a.page.getByRole('button', { name: 'Zoom out' }).click();
  const scaleNow = await a.stageScale();
  await a.page.getByRole('button', { name: 'Bring everyone to me' }).click();
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

  // It follows the facilitator, larger; the facilitator's pointer is not drawn on the wall.
  await a.page.getByRole('button', { name: 'Zoom out' }).click();
  const scale = (await a.stageScale()) ?? 0;
  expect(scale).toBeLessThan(1);
  await expect.poll(() => wall.stageScale()).toBeCloseTo(scale * 1.5, 2);
  const rect = await a.reveal(() => a.cardRect(open.id));
  await a.page.mouse.move(rect.x + 10, rect.y + 10, { steps: 3 });
  await a.page.waitForTimeout(300);
  expect(await wall.cursorPoints()).toEqual([]);

  const shot = testInfo.outputPath('projector.png');
  await wall.page.screenshot({ path: shot });
  await testInfo.attach('projector', { path: shot, contentType: 'image/png' });
});

test('Arabic and Urdu cards are drawn right to left; Welsh and Polish left to right', async ({
  openParticipant,
}, testInfo) => {
  const { facilitator, map } = await startBoard(openParticipant, 'Case 6108');
  const family = await joinAs(openParticipant, await facilitator.board.shareLink('family'), 'Alex');
  const words = {
    arabic: 'الجدة تأخذ ميا إلى المدرسة',
    urdu: 'نانی میا کو اسکول لے جاتی ہیں',
    welsh: 'Mae Nain yn mynd â Mia i’r ysgol',
    polish: 'Babcia zabiera Mię do szkoły',
  };
  for (const text of Object.values(words)) await map.addCard('Existing strengths', text);
  await family.expectTexts(Object.values(words));
  for (const [language, text] of Object.entries(words)) {
    const card = await family.cardWithText(text);
    if (!card) throw new Error(`${language} card missing`);
    const rtl = language === 'arabic' || language === 'urdu';
    await expect
      .poll(() => family.textDirectionOf(card.id))
      .toEqual(rtl ? { align: 'right', direction: 'rtl' } : { align: 'left', direction: 'ltr' });
  }

  const shot = testInfo.outputPath('map-scripts.png');
  await family.page.screenshot({ path: shot });
  await testInfo.attach('map-scripts', { path: shot, contentType: 'image/png' });
});

/** The cards at least partly inside the board area of this screen, and where each is relative to that area. */
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

test('screens of different widths share board coordinates: pointers and “bring everyone to me” land on the same cards', async ({
  openParticipant,
}) => {
  const facilitator = await openParticipant('facilitator', { viewport: { width: 1200, height: 1100 } });
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 6109');
  const a = new MapPage(facilitator.page);
  const person = await openParticipant('Alex', { viewport: { width: 1800, height: 1300 } });
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

  // Both open on the whole width of the same board: the wider screen shows it larger.
  const scaleA = (await a.stageScale()) ?? 0;
  await expect.poll(async () => ((await b.stageScale()) ?? 0) / scaleA).toBeCloseTo(1785 / 1185, 1);

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
  await a.page.getByRole('button', { name: 'Bring everyone to me' }).click();
  await expect.poll(async () => (await b.stageScale()) ?? 0).toBeGreaterThan(zoomedA);
  await expect
    .poll(async () => {
      const alexSees = await cardsInView(b);
      return [...samSees.keys()].filter((id) => !alexSees.has(id));
    })
    .toEqual([]);
});

test('a chosen card moves with Alt+arrows as it would by dragging, and the other person sees it', async ({
  openParticipant,
}) => {
  const { facilitator, map } = await startBoard(openParticipant, 'Case 6110');
  const family = await joinAs(openParticipant, await facilitator.board.shareLink('family'), 'Alex');
  await map.addCard('Harm', 'Bruise on her arm in May');
  await map.addCard('Harm', 'Dad shouted at Mia on Friday');
  const card = await map.cardWithText('Bruise on her arm in May');
  if (!card) throw new Error('the card was not added');
  await map.clickCard(card.id);
  await expect(map.surface).toBeFocused();

  const harmTexts = async (page: MapPage) =>
    Object.values((await page.state())?.cards ?? {})
      .filter((c) => c.category === 'harm')
      .sort((x, y) => x.order - y.order)
      .map((c) => c.text);
  await map.page.keyboard.press('Alt+ArrowDown');
  await expect
    .poll(() => harmTexts(family))
    .toEqual(['Dad shouted at Mia on Friday', 'Bruise on her arm in May']);

  await map.page.keyboard.press('Alt+ArrowRight');
  await expect
    .poll(async () => (await family.cardWithText('Bruise on her arm in May'))?.category)
    .toBe('dangerStatement');
  await expect.poll(() => family.cardDrawnAtItsPlace(card.id)).toBe(card.id);
});
