import { expect, test } from './fixtures.js';
import { NOTHING, storedCopiesOf } from './storage.js';

/**
 * Professionals-only text on family devices (issue 12): a card chosen professionals-only before
 * it is written never reaches them, and a card made professionals-only later leaves no byte of its
 * text in their stored copy (IndexedDB) or their unload stash (localStorage).
 */

const OFFLINE_ERRORS = [
  /ERR_INTERNET_DISCONNECTED/,
  /WebSocket connection to '.*' failed/,
  /Failed to load resource/,
];

test('a card chosen professionals-only before writing is never on a family device, not even while it is typed', async ({
  openParticipant,
}) => {
  const SECRET = 'Dad was arrested — Żółć';
  const staff = await openParticipant('staff');
  await staff.landing.goto();
  await staff.landing.createBoard('Case 8301');
  await staff.board.addCard('Existing strengths', 'Nan takes Mia to school');
  const family = await openParticipant('family');
  await family.board.open(await staff.board.shareLink('family', 'Alex (Mum)'));
  await family.board.join('Alex');

  // Chosen before writing: the new card is born in the restricted document.
  await staff.page.getByRole('checkbox', { name: 'New cards: professionals only' }).check();
  await staff.page.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Harm' });
  await staff.page.getByRole('button', { name: 'Add professionals-only card' }).click();
  await expect(staff.board.editor).toBeFocused();
  const words = SECRET.split(' ');
  let typed = '';
  for (const word of words) {
    const chunk = typed === '' ? word : ` ${word}`;
    await staff.board.editor.pressSequentially(chunk);
    typed += chunk;
    // The card is live on the staff member's board, marked, with what has been typed so far …
    await expect
      .poll(async () => (await staff.board.cards()).find((c) => c.category === 'harm'))
      .toMatchObject({ text: typed, professionalsOnly: true });
    // … and the family's page, its bridge and its stored copy know nothing of it.
    expect((await family.board.cards()).map((c) => c.text)).toEqual(['Nan takes Mia to school']);
    expect(await family.page.content()).not.toContain(word);
    expect(await storedCopiesOf(family.page, word)).toEqual(NOTHING);
  }
  await staff.board.editor.press('Escape');
  await expect(staff.board.editor).toBeHidden();
  const secret = await staff.board.cardWithText(SECRET);
  expect(secret).toMatchObject({ category: 'harm', professionalsOnly: true });

  // Still the staff member's after a reload (it is stored), never the family's.
  await staff.page.reload();
  await staff.board.waitUntilSynced();
  await expect.poll(async () => (await staff.board.cardWithText(SECRET))?.professionalsOnly).toBe(true);
  await family.page.reload();
  await family.board.waitUntilSynced();
  expect((await family.board.cards()).map((c) => c.text)).toEqual(['Nan takes Mia to school']);
  expect(await storedCopiesOf(family.page, 'Żółć')).toEqual(NOTHING);
});

test('a card made professionals-only leaves no byte of its text on family devices, online or offline during the move', async ({
  openParticipant,
}) => {
  const SECRET = 'Mum disclosed a new partner: Błażej';
  const staff = await openParticipant('staff');
  await staff.landing.goto();
  await staff.landing.createBoard('Case 8302');
  const online = await openParticipant('family online');
  await online.board.open(await staff.board.shareLink('family', 'Alex (Mum)'));
  await online.board.join('Alex');
  const away = await openParticipant('family away', { expectedErrors: OFFLINE_ERRORS });
  await away.board.open(await staff.board.shareLink('family', 'Jo (Dad)'));
  await away.board.join('Jo');

  // Written as a shared card first (one paste: the whole text in one stored change).
  await staff.page.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Harm' });
  await staff.page.getByRole('button', { name: 'Add card' }).click();
  await staff.board.editor.fill(SECRET);
  await staff.board.editor.press('Escape');
  await expect.poll(async () => (await staff.board.cardWithText(SECRET))?.text).toBe(SECRET);
  const card = await staff.board.cardWithText(SECRET);
  if (!card) throw new Error('the card was not added');
  for (const family of [online, away]) {
    await expect.poll(async () => (await family.board.cardWithText(SECRET))?.id).toBe(card.id);
    // Both devices hold it now: this is what must go.
    await expect.poll(async () => (await storedCopiesOf(family.page, 'Błażej')).indexedDb).toBe(true);
  }

  // One family device drops off; then the card is made professionals-only.
  await away.context.setOffline(true);
  await expect.poll(() => away.board.status()).toBe('offline');
  staff.page.once('dialog', (dialog) => void dialog.accept());
  await staff.board.clickCard(card.id);
  await staff.page.getByRole('button', { name: 'Professionals only', exact: true }).click();
  await expect.poll(async () => (await staff.board.cardWithText(SECRET))?.professionalsOnly).toBe(true);

  // The connected device drops the card and rewrites its stored copy without it.
  await expect.poll(async () => (await online.board.cardWithText(SECRET))?.id).toBeUndefined();
  await expect.poll(() => storedCopiesOf(online.page, 'Błażej')).toEqual(NOTHING);

  // The device that was away still has it, until it is back: its next connection rewrites it.
  expect((await storedCopiesOf(away.page, 'Błażej')).indexedDb).toBe(true);
  await away.context.setOffline(false);
  await away.board.waitUntilSynced();
  await expect.poll(async () => (await away.board.cardWithText(SECRET))?.id).toBeUndefined();
  await expect.poll(() => storedCopiesOf(away.page, 'Błażej')).toEqual(NOTHING);
  // A reload starts from the rewritten copy: still nothing.
  await away.page.reload();
  await away.board.waitUntilSynced();
  expect(await storedCopiesOf(away.page, 'Błażej')).toEqual(NOTHING);
  expect(await away.page.content()).not.toContain('Błażej');
});
