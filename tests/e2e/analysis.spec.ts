import { expect, type Participant, test } from './fixtures.js';
import { AnalysisPage } from './pages/AnalysisPage.js';
import { ScalesPage } from './pages/ScalesPage.js';

const DANGER = 'We worry Mia will be hurt again when Dad drinks';
const GOAL = 'Mia is safe at home every evening for six months';

async function startPair(
  openParticipant: (label: string) => Promise<Participant>,
  caseLabel: string,
): Promise<{ chair: AnalysisPage; family: AnalysisPage; dangerId: string; goalId: string; pairId: string }> {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard(caseLabel);
  const person = await openParticipant('family');
  await person.board.open(await facilitator.board.shareLink('family'));
  await person.board.join('Alex');
  const chair = new AnalysisPage(facilitator.page);
  const family = new AnalysisPage(person.page);

  // A new danger statement offers its goal; the offer is an ordinary button, used here by keyboard.
  await chair.addCard('Danger statements', DANGER);
  const offer = chair.page.getByRole('button', { name: 'Add its safety goal' });
  await expect(offer).toBeVisible();
  await offer.focus();
  await chair.page.keyboard.press('Enter');
  await expect(chair.editor).toBeFocused();
  await chair.editor.pressSequentially(GOAL);
  await chair.editor.press('Escape');
  await expect(offer).toHaveCount(0);

  await family.expectTexts([DANGER, GOAL]);
  const danger = await family.cardWithText(DANGER);
  const goal = await family.cardWithText(GOAL);
  if (!danger || !goal) throw new Error('the pair did not reach the family');
  await expect.poll(() => family.pairIdOf(danger.id)).not.toBeNull();
  const pairId = (await family.pairIdOf(danger.id)) ?? '';
  return { chair, family, dangerId: danger.id, goalId: goal.id, pairId };
}

test('a danger statement and its goal sit side by side in one row, with the pair’s scale between them', async ({
  openParticipant,
}, testInfo) => {
  const { chair, family, dangerId, goalId, pairId } = await startPair(openParticipant, 'Case 7101');

  // On the other screen: one row, the worry on the left and the goal on the right at the same height.
  const row = await family.revealRow(pairId);
  const danger = await family.cardRect(dangerId);
  const goal = await family.cardRect(goalId);
  if (!danger || !goal) throw new Error('the pair is not drawn');
  expect(Math.abs(danger.y - goal.y)).toBeLessThan(1);
  expect(danger.x + danger.width).toBeLessThan(goal.x);
  for (const card of [danger, goal]) {
    expect(card.y).toBeGreaterThanOrEqual(row.y);
    expect(card.y + card.height).toBeLessThanOrEqual(row.y + row.height);
  }
  // Laid out once: in the row, not in the sections above, which say where the cards went.
  const section = await family.sectionRect('dangerStatement');
  if (!section) throw new Error('no danger statement section');
  expect(section.y + section.height).toBeLessThan(row.y);
  await expect
    .poll(() => family.sectionNote())
    .toEqual(['1 is in the worries and goals row below', '1 is in the worries and goals row below']);
  await expect.poll(() => family.cardDrawnAtItsPlace(goalId)).toBe(goalId);
  await expect.poll(() => family.scaleStatus(pairId)).toBe('Nobody has scored yet.');

  // A paired card is edited in place in its row; dragging it does nothing.
  await chair.revealRow(pairId);
  await chair.appendToCard(goalId, ', checked by Nan');
  await expect.poll(async () => (await family.cardWithText(`${GOAL}, checked by Nan`))?.id).toBe(goalId);
  const before = await chair.cardRect(dangerId);
  await chair.dragCardTo(dangerId, 'harm');
  expect((await chair.cardWithText(DANGER))?.category).toBe('dangerStatement');
  expect(await chair.cardRect(dangerId)).toEqual(before);

  // The family scores the pair in the Scaling view; the row's scale shows the marker and the middle score.
  const familyScales = new ScalesPage(family.page);
  await familyScales.open();
  const line = familyScales.scale('Worry 1').getByRole('slider');
  await line.focus();
  await line.press('6');
  await familyScales.scale('Worry 1').getByRole('button', { name: 'Save my score' }).click();
  await family.openMap();
  await expect.poll(() => chair.markerCount(pairId)).toBe(1);
  await expect
    .poll(() => chair.scaleStatus(pairId))
    .toMatch(/^Middle score 6 {2}· {2}1 of 2 ha(s|ve) scored$/);

  // Collecting privately: only the count, no values, on both screens.
  const chairScales = new ScalesPage(chair.page);
  await chairScales.open();
  await chairScales.scale('Worry 1').getByRole('button', { name: 'Collect privately' }).click();
  await chair.openMap();
  await expect
    .poll(() => family.scaleStatus(pairId))
    .toMatch(/^Collecting privately: 0 of 2 ha(s|ve) scored$/);
  expect(await family.markerCount(pairId)).toBe(0);
  await familyScales.open();
  await familyScales.score('Worry 1', 8, 'Nan is there every evening');
  await family.openMap();
  await expect
    .poll(() => chair.scaleStatus(pairId))
    .toMatch(/^Collecting privately: 1 of 2 ha(s|ve) scored$/);
  await expect
    .poll(() => family.scaleStatus(pairId))
    .toMatch(/^Collecting privately: 1 of 2 ha(s|ve) scored$/);
  expect(await family.markerCount(pairId)).toBe(0);

  await chair.revealRow(pairId);
  const shot = testInfo.outputPath('analysis-row.png');
  await chair.page.screenshot({ path: shot });
  await testInfo.attach('analysis-row', { path: shot, contentType: 'image/png' });
});

test('a paired goal stays shared: it cannot be made professionals only, and the family keeps seeing it', async ({
  openParticipant,
}) => {
  const { chair, family, dangerId, goalId } = await startPair(openParticipant, 'Case 7102');
  let asked = false;
  chair.page.on('dialog', (dialog) => {
    asked = true;
    void dialog.dismiss();
  });
  await chair.clickCard(goalId);
  await chair.page.getByRole('button', { name: 'Professionals only' }).click();
  // Pairs live in the shared document: the facilitator is told so, without a question first.
  await expect(chair.page.getByText('Unpair it before making it professionals only')).toBeVisible();
  expect(asked).toBe(false);
  expect(await chair.drawsCard(goalId)).toBe(true);
  await expect.poll(() => family.drawsCard(goalId)).toBe(true);
  expect(await family.drawsCard(dangerId)).toBe(true);
});

test('on a phone each pair reads top to bottom: the worry, its scale, then its goal', async ({
  openParticipant,
}, testInfo) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 7103');
  const chair = new AnalysisPage(facilitator.page);
  await chair.addCard('Danger statements', DANGER);
  await chair.page.getByRole('button', { name: 'Add its safety goal' }).click();
  await chair.editor.pressSequentially(GOAL);
  await chair.editor.press('Escape');

  const person = await openParticipant('family phone', { viewport: { width: 390, height: 800 } });
  await person.board.open(await facilitator.board.shareLink('family'));
  await person.board.join('Alex');
  const phone = new AnalysisPage(person.page);
  await phone.expectTexts([DANGER, GOAL]);
  const danger = await phone.cardWithText(DANGER);
  const goal = await phone.cardWithText(GOAL);
  if (!danger || !goal) throw new Error('the pair did not reach the phone');
  await expect.poll(() => phone.pairIdOf(danger.id)).not.toBeNull();
  const row = await phone.revealRow((await phone.pairIdOf(danger.id)) ?? '');
  const top = await phone.cardRect(danger.id);
  const bottom = await phone.cardRect(goal.id);
  if (!top || !bottom) throw new Error('the pair is not drawn');
  expect(Math.abs(top.x - bottom.x)).toBeLessThan(1);
  // The scale sits between them.
  expect(bottom.y - (top.y + top.height)).toBeGreaterThan(60);
  expect(bottom.y + bottom.height).toBeLessThanOrEqual(row.y + row.height);
  await phone.reveal(() => phone.cardRect(goal.id));
  const shot = testInfo.outputPath('analysis-row-phone.png');
  await person.page.screenshot({ path: shot });
  await testInfo.attach('analysis-row-phone', { path: shot, contentType: 'image/png' });
});
