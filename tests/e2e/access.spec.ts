import { expect, test } from './fixtures.js';

const ENDED = 'Your access to this board has ended.';

test('a staff member invites a family member by a personal link; the link works once; removing access ends the family’s board at once', async ({
  openParticipant,
}) => {
  const staff = await openParticipant('staff');
  await staff.landing.goto();
  await expect(
    staff.page.getByText('Family members and network members: open the personal link you were sent.'),
  ).toBeVisible();
  const boardId = await staff.landing.createBoard('Case 8101');
  await staff.board.addCard('Existing strengths', 'Nan takes Mia to school');

  const link = await staff.board.shareLink('family', 'Alex (Mum)');
  expect(link).toMatch(/\/join#invite=[A-Za-z0-9_-]+$/);

  // The family member opens the link, gives a name and sees the board.
  // After the removal, a reload is refused with 401s: Chromium logs those as console errors.
  const family = await openParticipant('family', { expectedErrors: [/status of 401/] });
  await family.board.open(link);
  await family.board.join('Alex');
  expect(new URL(family.page.url()).pathname).toBe(`/b/${boardId}`);
  expect(await family.board.role()).toBe('family');
  await expect
    .poll(async () => (await family.board.cards()).map((c) => c.text))
    .toEqual(['Nan takes Mia to school']);
  // The name comes from the member record: the participant id is the server's member id.
  const familyId = (await family.board.participantId()) ?? '';
  await expect
    .poll(async () => (await staff.board.state())?.participants[familyId]?.displayName)
    .toBe('Alex');
  await expect(staff.page.getByRole('region', { name: 'On the board now' })).toContainText('Alex');

  // The same link on a second device is refused before anyone types a name: one link per person.
  const other = await openParticipant('second device', { expectedErrors: [/status of 410/] });
  await other.board.open(link);
  await expect(other.page.getByRole('alert')).toContainText(
    'This link has already been used to join the board',
  );
  expect(await other.board.status()).toBeNull();

  // The staff member sees who opened the link, then removes that person's access.
  const panel = await staff.board.openInvitePanel();
  await expect(panel.getByText('Opened by Alex')).toBeVisible();
  await panel.getByRole('button', { name: 'Remove access for Alex' }).click();
  await expect(panel.getByText('Remove Alex’s access to this board?')).toBeVisible();
  await panel.getByRole('button', { name: 'Yes, remove access' }).click();
  await expect(panel.getByText('Access ended')).toBeVisible();

  // The family's live board closes by itself, and does not come back on a reload.
  await expect(family.page.getByRole('alert')).toContainText(ENDED);
  expect(await family.board.status()).toBe('ended');
  await expect(family.page.locator('canvas')).toHaveCount(0);
  await family.page.reload();
  await expect(family.page.getByRole('alert')).toContainText('You do not have access to this board.');
  expect(await family.board.status()).toBeNull();
});

test('a revoked link that nobody opened yet explains itself', async ({ openParticipant }) => {
  const staff = await openParticipant('staff');
  await staff.landing.goto();
  await staff.landing.createBoard('Case 8102');
  const link = await staff.board.shareLink('network', 'Uncle Jo');
  const panel = await staff.board.openInvitePanel();
  await panel.getByRole('button', { name: 'Revoke the link for Uncle Jo' }).click();
  await expect(panel.getByText('Revoked')).toBeVisible();

  const jo = await openParticipant('network', { expectedErrors: [/status of 410/] });
  await jo.board.open(link);
  await expect(jo.page.getByLabel('Your name')).toHaveCount(0);
  await expect(jo.page.getByRole('alert')).toHaveText(
    'This link was cancelled. Ask the person running the meeting for a new link.',
  );
});

test('a viewer invited by a personal link sees the board but cannot change it', async ({
  openParticipant,
}) => {
  const staff = await openParticipant('staff');
  await staff.landing.goto();
  await staff.landing.createBoard('Case 8103');
  await staff.board.addCard('Next steps', 'Mum calls the school on Monday');
  const card = await staff.board.cardWithText('Mum calls the school on Monday');
  if (!card) throw new Error('the card was not added');

  const viewer = await openParticipant('viewer');
  await viewer.board.open(await staff.board.shareLink('viewer', 'Student social worker'));
  await viewer.board.join('Kim');
  expect(await viewer.board.role()).toBe('viewer');
  await expect(viewer.page.getByText('You can look at this board but not change it.')).toBeVisible();
  await expect(viewer.page.getByRole('button', { name: 'Add card' })).toHaveCount(0);
  await expect(viewer.page.getByRole('button', { name: 'Invite people' })).toHaveCount(0);
  await expect.poll(() => viewer.board.cardDrawnAtItsPlace(card.id)).toBe(card.id);

  await viewer.board.dragCardTo(card.id, 'harm');
  expect((await viewer.board.state())?.cards[card.id]?.category).toBe('nextStep');
  expect((await staff.board.state())?.cards[card.id]?.category).toBe('nextStep');
});

test('staff read the board’s history without card text; a family member has none and changes only their own cards', async ({
  openParticipant,
}) => {
  const staff = await openParticipant('staff');
  await staff.landing.goto();
  await staff.landing.createBoard('Case 8104');
  await staff.board.addCard('Existing strengths', 'Nan takes Mia to school');
  const nan = await staff.board.cardWithText('Nan takes Mia to school');
  if (!nan) throw new Error('the card was not added');

  const family = await openParticipant('family');
  await family.board.open(await staff.board.shareLink('family', 'Alex (Mum)'));
  await family.board.join('Alex');
  await family.board.addCard('Harm', 'Dad shouts at night');
  const own = await family.board.cardWithText('Dad shouts at night');
  if (!own) throw new Error('the family card was not added');

  // [AC4][AC5] Alex may delete her own card, not the facilitator's: the button says so before the server would.
  await family.board.clickCard(nan.id);
  await expect(family.page.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await family.board.clickCard(own.id);
  await expect(family.page.getByRole('button', { name: 'Delete' })).toBeEnabled();
  await family.page.getByRole('button', { name: 'Outline' }).click();
  await expect(family.page.locator(`[data-card="${nan.id}"] [data-control="delete"]`)).toHaveCount(0);
  await expect(family.page.locator(`[data-card="${own.id}"] [data-control="delete"]`)).toHaveCount(1);
  // [AD3] The history is for staff.
  await expect(family.page.getByRole('button', { name: 'History' })).toHaveCount(0);

  // The facilitator reads who did what; card words never appear in it.
  await staff.page.getByRole('button', { name: 'History' }).click();
  const history = staff.page.getByRole('region', { name: 'What happened on this board' });
  await expect(history).toContainText('Sam Chair (Facilitator) added a card to Existing strengths');
  await expect(history).toContainText('Alex (Family) added a card to Harm');
  await expect(history).not.toContainText('Nan takes Mia');
  await expect(history).not.toContainText('Dad shouts');

  // The export downloads the same history (and is itself recorded).
  const [download] = await Promise.all([
    staff.page.waitForEvent('download'),
    history.getByRole('link', { name: 'Download the history (spreadsheet)' }).click(),
  ]);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text).toContain('added a card to Harm');
  expect(text).not.toContain('Dad shouts');
});
