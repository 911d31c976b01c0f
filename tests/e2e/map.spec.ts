import { expect, test } from './fixtures.js';
import { joinAs, startBoard } from './mapBoard.js';
import type { MapPage } from './pages/MapPage.js';

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
  // Alex's own card: Alex may type in it ([AC3]).
  await b.addCard('Existing safety', 'Gran stays over at weekends');
  const card = await a.cardWithText('Gran stays over at weekends');
  if (!card) throw new Error('the card was not added');
  // Adding selected it: let go of it by clicking an empty part of the board.
  const empty = await b.sectionRect('harm');
  if (!empty) throw new Error('the harm section is not drawn');
  await b.page.mouse.click(empty.x + 6, empty.y + 6);
  await expect.poll(() => a.peerTagOn(card.id)).toBeNull();

  await b.clickCard(card.id);
  await expect.poll(() => a.peerTagOn(card.id)).toBe('Alex');
  await expect(a.activityList).toContainText('Alex has chosen: Gran stays over at weekends');

  await a.clickCard(card.id);
  await b.openEditor(card.id);
  await expect.poll(() => a.peerTagOn(card.id)).toBe('Alex is editing');
  await expect(a.activityList).toContainText('Alex is editing: Gran stays over at weekends');
  // Alex's own screen shows the others on the card (Sam still has it chosen), never Alex.
  await expect.poll(() => b.peerTagOn(card.id)).toBe('Sam Chair');

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
