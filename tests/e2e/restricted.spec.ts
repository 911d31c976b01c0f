import { expect, test } from './fixtures.js';

const SECRET = 'Police record — Żółć, ŵyr (professionals only)';
const OPEN = 'Nan takes Mia to school';

test('a professionals-only card shows on the staff member’s board and never in the family member’s browser', async ({
  openParticipant,
}) => {
  const staff = await openParticipant('staff');
  await staff.landing.goto();
  await staff.landing.createBoard('Case 8201');
  await staff.board.addCard('Existing strengths', OPEN);
  await staff.board.addCard('Complicating factors', SECRET);
  const secret = await staff.board.cardWithText(SECRET);
  if (!secret) throw new Error('the card was not added');

  // Marking an existing card asks first, and says what cannot be taken back.
  let warning = '';
  staff.page.once('dialog', (dialog) => {
    warning = dialog.message();
    void dialog.accept();
  });
  await staff.board.clickCard(secret.id);
  await staff.page.getByRole('button', { name: 'Professionals only' }).click();
  await expect
    .poll(async () => (await staff.board.state())?.cards[secret.id])
    .toMatchObject({
      text: SECRET,
      professionalsOnly: true,
    });
  expect(warning).toContain('Family members who were on the board may already have seen this card');

  // The family member joins afterwards: their browser never receives the card.
  const family = await openParticipant('family');
  const familySockets: string[] = [];
  family.page.on('websocket', (ws) => familySockets.push(new URL(ws.url()).pathname));
  await family.board.open(await staff.board.shareLink('family', 'Alex (Mum)'));
  await family.board.join('Alex');
  await expect.poll(async () => (await family.board.cards()).map((c) => c.text)).toEqual([OPEN]);
  await family.page.getByRole('button', { name: 'Outline' }).click();
  await expect(family.page.getByText(OPEN)).toBeVisible();
  expect(await family.page.content()).not.toContain('Żółć');
  // Only the shared room: the family's browser never even asks for the restricted one.
  expect(familySockets.length).toBeGreaterThan(0);
  expect(familySockets.filter((path) => path.endsWith('/restricted'))).toEqual([]);

  // The staff member still has it after a reload: it lives in the restricted document.
  await staff.page.reload();
  await staff.board.waitUntilSynced();
  await expect
    .poll(async () => (await staff.board.state())?.cards[secret.id])
    .toMatchObject({
      text: SECRET,
      professionalsOnly: true,
    });
  expect((await family.board.state())?.cards[secret.id]).toBeUndefined();
});
