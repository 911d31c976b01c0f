import { expect, type Participant, test } from './fixtures.js';
import { OutlinePage } from './pages/OutlinePage.js';

/** A facilitator on a new board, and a family member who joined through their link. */
async function facilitatorAndFamily(
  openParticipant: (label: string) => Promise<Participant>,
  caseLabel: string,
): Promise<{ facilitator: Participant; family: Participant }> {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard(caseLabel);
  const family = await openParticipant('family');
  await family.board.open(await facilitator.board.shareLink('family'));
  await family.board.join('Alex');
  return { facilitator, family };
}

test('changes made in the outline appear on the map of another person, and theirs are announced', async ({
  openParticipant,
}) => {
  const { facilitator, family } = await facilitatorAndFamily(openParticipant, 'Case 6101');
  const outline = new OutlinePage(facilitator.page);
  await outline.open();

  // Added in the outline: the family sees the card drawn on their canvas.
  await outline.addCard('Existing strengths', 'Nan takes Mia to school');
  await expect
    .poll(async () => (await family.board.cardWithText('Nan takes Mia to school'))?.category)
    .toBe('existingStrength');
  const card = await family.board.cardWithText('Nan takes Mia to school');
  if (!card) throw new Error('the card did not reach the family');
  await expect.poll(() => family.board.cardDrawnAtItsPlace(card.id)).toBe(card.id);

  // Edited in the outline's textarea (bound to the card's Y.Text).
  await outline
    .card('Nan takes Mia to school')
    .getByRole('button', { name: 'Edit card 1 in Existing strengths' })
    .click();
  const editor = outline.root.getByRole('textbox', { name: 'Text of card 1 in Existing strengths' });
  await expect(editor).toBeFocused();
  await editor.press('End');
  await editor.pressSequentially(' every day');
  await editor.press('Escape');
  const text = 'Nan takes Mia to school every day';
  await expect.poll(async () => (await family.board.state())?.cards[card.id]?.text).toBe(text);
  await expect.poll(() => family.board.cardDrawnAtItsPlace(card.id)).toBe(card.id);

  // Moved to another section, and agreed with.
  const item = outline.card(text);
  await item.getByRole('combobox', { name: 'Section to move card 1 in Existing strengths to' }).selectOption({
    label: 'Existing safety',
  });
  await item.getByRole('button', { name: 'Move card 1 in Existing strengths' }).click();
  await expect
    .poll(async () => (await family.board.state())?.cards[card.id]?.category)
    .toBe('existingSafety');
  const safety = await family.board.sectionRect('existingSafety');
  const drawn = await family.board.cardRect(card.id);
  if (!safety || !drawn) throw new Error('the card or its section is not drawn');
  expect(drawn.y).toBeGreaterThanOrEqual(safety.y);
  expect(drawn.y + drawn.height).toBeLessThanOrEqual(safety.y + safety.height);
  await outline.card(text).getByRole('button', { name: 'I agree card 1 in Existing safety' }).click();
  const samId = await facilitator.board.participantId();
  await expect
    .poll(async () => (await family.board.state())?.cards[card.id]?.marks[samId ?? ''])
    .toBe('agree');
  await expect(outline.card(text)).toContainText('Agree 1');

  // The family adds a card on the map: the facilitator hears who and where, never the words.
  await family.board.addCard('Next steps', 'Mum calls the school on Monday');
  await expect(outline.announcer).toHaveText('Alex added a card to Next steps.');
  await expect(outline.card('Mum calls the school on Monday')).toContainText('Added by');
  await expect(outline.card('Mum calls the school on Monday')).toContainText('Alex');
  await expect(outline.card('Mum calls the school on Monday')).toContainText('(Family)');

  // Deleting asks first; "Keep it" keeps the card, "Yes, delete" removes it for everyone.
  await outline.card(text).getByRole('button', { name: 'Delete card 1 in Existing safety' }).click();
  await expect(outline.root.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await outline.root.getByRole('button', { name: 'Keep it' }).click();
  expect((await family.board.state())?.cards[card.id]).toBeDefined();
  await outline.card(text).getByRole('button', { name: 'Delete card 1 in Existing safety' }).click();
  await outline.root.getByRole('button', { name: 'Yes, delete' }).click();
  await expect.poll(async () => (await family.board.state())?.cards[card.id]).toBeUndefined();
  await expect(outline.card(text)).toHaveCount(0);
});

test('with the keyboard only: skip to the outline, add, edit, reorder, move and delete cards', async ({
  openParticipant,
}) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 6202');
  const { page } = facilitator;
  const outline = new OutlinePage(page);

  // The first Tab on the board page reaches the skip link; Enter opens the outline and focuses it.
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  expect(await outline.focusedText()).toBe('Skip to the outline (the board as text)');
  await page.keyboard.press('Enter');
  await expect(outline.root).toBeFocused();

  // Add two cards to Harm.
  for (const [n, words] of [
    [1, 'Dad shouted at Mia'],
    [2, 'Mia missed school'],
  ] as const) {
    await outline.tabTo('Add a card to Harm');
    await page.keyboard.press('Enter');
    await expect(outline.root.getByRole('textbox', { name: `Text of card ${n} in Harm` })).toBeFocused();
    await page.keyboard.type(words);
    await page.keyboard.press('Escape');
    expect(await outline.focusedText()).toBe(`Edit card ${n} in Harm`);
  }
  const second = await facilitator.board.cardWithText('Mia missed school');
  const first = await facilitator.board.cardWithText('Dad shouted at Mia');
  if (!first || !second) throw new Error('the cards were not added');

  // Edit the first card: Enter on "Edit", type, Escape returns to the same button.
  await outline.tabTo('Edit card 1 in Harm', { back: true });
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type(' on Friday');
  await page.keyboard.press('Escape');
  expect(await outline.focusedText()).toBe('Edit card 1 in Harm');
  await expect
    .poll(async () => (await facilitator.board.state())?.cards[first.id]?.text)
    .toBe('Dad shouted at Mia on Friday');

  // Move the second card up: it becomes card 1 and keeps the focus.
  await outline.tabTo('Move up card 2 in Harm');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => {
      const state = await facilitator.board.state();
      return Object.values(state?.cards ?? {})
        .filter((c) => c.category === 'harm')
        .sort((a, b) => a.order - b.order)
        .map((c) => c.text);
    })
    .toEqual(['Mia missed school', 'Dad shouted at Mia on Friday']);
  await expect.poll(() => outline.focusedText()).toBe('Move up card 1 in Harm');

  // Move it to another section with the section list and the Move button.
  await outline.tabTo('Move card 1 in Harm');
  await page.keyboard.press('Shift+Tab');
  const select = outline.root.getByRole('combobox', { name: 'Section to move card 1 in Harm to' });
  await expect(select).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('complicatingFactor');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await facilitator.board.state())?.cards[second.id]?.category)
    .toBe('complicatingFactor');
  await expect(
    outline.root.getByRole('combobox', { name: 'Section to move card 1 in Complicating factors to' }),
  ).toBeFocused();

  // Delete it: the question takes the focus on "Keep it"; Shift+Tab and Enter confirm.
  await outline.tabTo('Delete card 1 in Complicating factors');
  await page.keyboard.press('Enter');
  expect(await outline.focusedText()).toBe('Keep it');
  await page.keyboard.press('Shift+Tab');
  expect(await outline.focusedText()).toBe('Yes, delete');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await facilitator.board.state())?.cards[second.id]).toBeUndefined();
  expect(await outline.focusedText()).toBe('Add a card to Complicating factors');
});

const WORDS = {
  welsh: 'Bydd Nain yn dŵad i’r tŷ bob dydd',
  polish: 'Babcia Łucja odbiera Zosię ze żłobka',
  arabic: 'الجدة تأخذ مريم إلى المدرسة كل يوم',
  urdu: 'نانی ہر روز مریم کو اسکول لے جاتی ہیں',
} as const;

test('Welsh, Polish, Arabic and Urdu words round-trip, and Arabic and Urdu read right to left', async ({
  openParticipant,
}) => {
  const { facilitator, family } = await facilitatorAndFamily(openParticipant, 'Case 6303');
  const outline = new OutlinePage(facilitator.page);
  await outline.open();
  for (const words of Object.values(WORDS)) await outline.addCard('Existing strengths', words);

  // The family's board holds exactly the same words, drawn on their canvas.
  for (const words of Object.values(WORDS)) {
    await expect
      .poll(async () => (await family.board.cardWithText(words))?.category)
      .toBe('existingStrength');
    const card = await family.board.cardWithText(words);
    await expect.poll(() => family.board.cardDrawnAtItsPlace(card?.id ?? '')).toBe(card?.id);
  }

  // In the family's outline (after a reload, from the server), each card reads in its own direction.
  await family.page.reload();
  await family.board.waitUntilSynced();
  const familyOutline = new OutlinePage(family.page);
  await familyOutline.open();
  const direction = (words: string) =>
    familyOutline
      .card(words)
      .locator('.outline-card__text')
      .evaluate((el) => getComputedStyle(el).direction);
  for (const words of Object.values(WORDS)) await expect(familyOutline.card(words)).toHaveCount(1);
  expect(await direction(WORDS.arabic)).toBe('rtl');
  expect(await direction(WORDS.urdu)).toBe('rtl');
  expect(await direction(WORDS.welsh)).toBe('ltr');
  expect(await direction(WORDS.polish)).toBe('ltr');
  expect(await family.page.locator('html').getAttribute('lang')).toBe('en');

  // The textarea that edits an Arabic card is right to left too (the author's: family and network
  // edit only their own cards' words, [AC3]).
  await outline
    .card(WORDS.arabic)
    .getByRole('button', { name: /^Edit card 3 in/ })
    .click();
  const editor = outline.root.getByRole('textbox', { name: 'Text of card 3 in Existing strengths' });
  await expect(editor).toHaveValue(WORDS.arabic);
  expect(await editor.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
});
