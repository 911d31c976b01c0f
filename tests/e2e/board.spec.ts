import { expect, test } from './fixtures.js';

const LONG_HARM =
  'Mia (7) told her teacher that Dad pushed her against the door on Friday when he had been drinking; ' +
  'she had a bruise on her arm and was frightened to go home.';

test('a facilitator and a family member share one board: add, edit, drag, reload', async ({
  openParticipant,
}, testInfo) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  const boardId = await facilitator.landing.createBoard('Case 2041');
  expect(await facilitator.board.role()).toBe('facilitator');

  const familyLink = await facilitator.board.shareLink('family', 'Alex (Mum)');
  expect(familyLink).toMatch(/\/join#invite=[A-Za-z0-9_-]+$/);

  const family = await openParticipant('family');
  await family.board.open(familyLink);
  // The invite is taken out of the address bar at once, where it could be copied or read.
  await expect(family.page.getByLabel('Your name')).toBeVisible();
  await expect.poll(() => family.page.url()).not.toContain('invite');
  await family.board.join('Alex');
  expect(await family.board.role()).toBe('family');
  expect(new URL(family.page.url()).pathname).toBe(`/b/${boardId}`);
  await expect(facilitator.page.getByRole('region', { name: 'On the board now' })).toContainText('Alex');
  await expect
    .poll(async () => Object.values((await facilitator.board.state())?.participants ?? {}).map((p) => p.role))
    .toEqual(expect.arrayContaining(['facilitator', 'family']));

  // The facilitator adds a card, then edits it on the canvas; the family sees the final words.
  await facilitator.board.addCard('Existing strengths', 'Nan takes Mia to school');
  const added = await facilitator.board.cardWithText('Nan takes Mia to school');
  if (!added) throw new Error('the new card is not on the facilitator’s board');
  expect(added.category).toBe('existingStrength');
  expect(added.authorRole).toBe('facilitator');
  await facilitator.board.appendToCard(added.id, ' every day');
  const finalText = 'Nan takes Mia to school every day';
  await expect.poll(async () => (await family.board.state())?.cards[added.id]?.text).toBe(finalText);
  await expect.poll(() => family.board.cardDrawnAtItsPlace(added.id)).toBe(added.id);

  // A long card wraps and pushes the section down; the family agrees with the first card.
  await facilitator.board.addCard('Harm', LONG_HARM);
  await family.board.clickCard(added.id);
  await family.page.getByRole('button', { name: 'I agree' }).click();
  const familyId = await family.board.participantId();
  await expect
    .poll(async () => (await facilitator.board.state())?.cards[added.id]?.marks[familyId ?? ''])
    .toBe('agree');

  // The facilitator drags the card to "Existing safety" with the mouse; the family sees it move.
  // (A family member moves only the cards they wrote: SPEC [AC4], [AC5].)
  const before = await family.board.cardRect(added.id);
  await facilitator.board.dragCardTo(added.id, 'existingSafety');
  await expect
    .poll(async () => (await facilitator.board.state())?.cards[added.id]?.category)
    .toBe('existingSafety');
  await expect
    .poll(async () => (await family.board.state())?.cards[added.id]?.category)
    .toBe('existingSafety');
  const after = await family.board.cardRect(added.id);
  const safety = await family.board.sectionRect('existingSafety');
  if (!before || !after || !safety) throw new Error('card or section is not drawn');
  expect(after.y).toBeGreaterThan(before.y);
  expect(after.y).toBeGreaterThanOrEqual(safety.y);
  expect(after.y + after.height).toBeLessThanOrEqual(safety.y + safety.height);
  await expect.poll(() => family.board.cardDrawnAtItsPlace(added.id)).toBe(added.id);

  // A reload goes straight back into the board, which the server kept.
  await facilitator.page.reload();
  await facilitator.board.waitUntilSynced();
  const reloaded = await facilitator.board.cardWithText(finalText);
  expect(reloaded?.category).toBe('existingSafety');
  await expect.poll(() => facilitator.board.cardDrawnAtItsPlace(added.id)).toBe(added.id);

  // The family's pointer over the board shows on the facilitator's screen in the picture.
  const strengths = await family.board.sectionRect('existingStrength');
  if (strengths) {
    const point = { x: strengths.x + strengths.width * 0.75, y: strengths.y + strengths.height - 12 };
    await family.page.mouse.move(point.x, point.y, { steps: 5 });
  }
  const shot = testInfo.outputPath('board.png');
  await facilitator.page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('board', { path: shot, contentType: 'image/png' });
});

test('a viewer sees the board but cannot change it', async ({ openParticipant }) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 3310');
  await facilitator.board.addCard('Next steps', 'Mum calls the school on Monday');
  const card = await facilitator.board.cardWithText('Mum calls the school on Monday');
  if (!card) throw new Error('the card was not added');

  const viewer = await openParticipant('viewer');
  await viewer.board.open(await facilitator.board.shareLink('viewer'));
  await viewer.board.join('Wall screen');
  await expect(viewer.page.getByText('You can look at this board but not change it.')).toBeVisible();
  await expect(viewer.page.getByRole('button', { name: 'Add card' })).toHaveCount(0);
  await expect.poll(() => viewer.board.cardDrawnAtItsPlace(card.id)).toBe(card.id);

  await viewer.board.dragCardTo(card.id, 'harm');
  expect((await viewer.board.state())?.cards[card.id]?.category).toBe('nextStep');
  expect((await facilitator.board.state())?.cards[card.id]?.category).toBe('nextStep');
});

test('two people type in the same card at once and both keep their words', async ({ openParticipant }) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 5120');
  // The family member writes the card ([AC3]); the facilitator may change it too ([AC30]).
  const family = await openParticipant('family');
  await family.board.open(await facilitator.board.shareLink('family'));
  await family.board.join('Alex');
  await family.board.addCard('Harm', 'Mum and Dad argued');
  const card = await family.board.cardWithText('Mum and Dad argued');
  if (!card) throw new Error('the card was not added');
  await expect.poll(() => facilitator.board.cardDrawnAtItsPlace(card.id)).toBe(card.id);

  // The facilitator keeps the editor open with the caret at the end ...
  await facilitator.board.openEditor(card.id);
  await facilitator.board.editor.press('End');
  // ... while the family writes at the start of the same card.
  await family.board.openEditor(card.id);
  await family.board.editor.press('Control+Home');
  await family.board.editor.pressSequentially('Often ');
  await family.board.editor.press('Escape');

  await expect(facilitator.board.editor).toHaveValue('Often Mum and Dad argued');
  await expect(facilitator.board.editor).toBeFocused();
  await facilitator.board.editor.pressSequentially(' loudly');
  await facilitator.board.editor.press('Escape');

  const expected = 'Often Mum and Dad argued loudly';
  await expect.poll(async () => (await facilitator.board.state())?.cards[card.id]?.text).toBe(expected);
  await expect.poll(async () => (await family.board.state())?.cards[card.id]?.text).toBe(expected);
});

test('on a phone the columns are shown one at a time, each fitting the screen', async ({
  openParticipant,
}, testInfo) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 7788');
  await facilitator.board.addCard('Next steps', 'Dad goes to the alcohol service on Tuesday with Uncle Jo');

  const phone = { width: 390, height: 844 };
  const family = await openParticipant('family on a phone', { viewport: phone });
  await family.board.open(await facilitator.board.shareLink('family'));
  await family.board.join('Alex');
  const card = await family.board.cardWithText('Dad goes to the alcohol service on Tuesday with Uncle Jo');
  if (!card) throw new Error('the card did not reach the phone');
  const harm = await family.board.sectionRect('harm');
  if (!harm) throw new Error('not drawn');
  // The first column fills the phone's width; the third is off to the right until chosen.
  expect(harm.x).toBeGreaterThanOrEqual(0);
  expect(harm.x + harm.width).toBeLessThanOrEqual(phone.width);
  expect((await family.board.cardRect(card.id))?.x).toBeGreaterThanOrEqual(phone.width);
  await family.page.getByRole('tab', { name: 'Needs to happen' }).click();
  await expect.poll(async () => (await family.board.cardRect(card.id))?.x ?? -1).toBeGreaterThanOrEqual(0);
  const rect = await family.board.cardRect(card.id);
  if (!rect) throw new Error('not drawn');
  expect(rect.x + rect.width).toBeLessThanOrEqual(phone.width);
  await family.page.locator('.board-scroll').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  // The canvas may still be settling on its first fit: wait for the card to be drawn where it belongs.
  await expect.poll(() => family.board.cardDrawnAtItsPlace(card.id)).toBe(card.id);

  const shot = testInfo.outputPath('phone.png');
  await family.page.screenshot({ path: shot });
  await testInfo.attach('phone', { path: shot, contentType: 'image/png' });
});

test('cards can be added with the canvas button, chosen with the arrow keys and deleted with Delete', async ({
  openParticipant,
}) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 9001');
  await facilitator.board.addCardWithCanvasButton('complicatingFactor', 'Dad works nights');
  await facilitator.board.addCardWithCanvasButton('complicatingFactor', 'The family moved twice this year');
  const first = await facilitator.board.cardWithText('Dad works nights');
  const second = await facilitator.board.cardWithText('The family moved twice this year');
  if (!first || !second) throw new Error('the cards were not added');
  expect(second.order).toBeGreaterThan(first.order);

  const family = await openParticipant('family');
  await family.board.open(await facilitator.board.shareLink('family'));
  await family.board.join('Alex');
  await expect.poll(async () => (await family.board.cards()).length).toBe(2);

  // Click the first card, step to the next one with the keyboard, delete it.
  await facilitator.board.clickCard(first.id);
  await expect(facilitator.page.getByRole('application')).toBeFocused();
  await facilitator.page.keyboard.press('ArrowDown');
  await facilitator.page.keyboard.press('Delete');
  await expect
    .poll(async () => (await family.board.cards()).map((c) => c.text))
    .toEqual(['Dad works nights']);
  expect((await facilitator.board.cards()).map((c) => c.text)).toEqual(['Dad works nights']);
});

test('a link with a wrong invitation, or a board opened without one, explains itself instead of opening', async ({
  openParticipant,
}) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  const boardId = await facilitator.landing.createBoard('Case 4242');

  // Chromium logs every refused request as a console error; these are the point of the test.
  const stranger = await openParticipant('stranger', { expectedErrors: [/status of 40[134]/] });
  await stranger.board.open('/join#invite=not-a-real-invite');
  // Nothing about any board, not even a name field: the link is refused at once.
  await expect(stranger.page.getByRole('alert')).toHaveText(
    'This link does not work any more. Ask the person running the meeting for a new link.',
  );
  expect(await stranger.board.status()).toBeNull();

  await stranger.board.open(`/b/${boardId}`);
  await expect(stranger.page.getByRole('alert')).toContainText('You do not have access to this board.');
  await expect(stranger.page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect(await stranger.board.status()).toBeNull();
});
