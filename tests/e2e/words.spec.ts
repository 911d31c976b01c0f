import type { Page } from '@playwright/test';
import { expect, type Participant, test } from './fixtures.js';
import { menuButton } from './pages/chrome.js';

// Whose words (docs/SPEC.md [AC3], [AC7], [AC30]–[AC34]) and the lock ([AC10], [AC11]).

const DANGER = 'We worry Mia will be hurt if Dad drinks and nobody sober is there';
const REASON = 'Dad has been sober since January';
const SUGGESTION = 'We worry Mia could be hurt if Dad drinks again and nobody sober is there';

async function boardWithFamily(
  openParticipant: (
    label: string,
    options?: { viewport?: { width: number; height: number } },
  ) => Promise<Participant>,
  label: string,
  familyViewport?: { width: number; height: number },
): Promise<{ chair: Participant; family: Participant; cardId: string }> {
  const chair = await openParticipant('facilitator');
  await chair.landing.goto();
  await chair.landing.createBoard(label);
  await chair.board.addCard('Danger statements', DANGER);
  const card = await chair.board.cardWithText(DANGER);
  if (!card) throw new Error('the card was not added');
  const family = await openParticipant('family', familyViewport ? { viewport: familyViewport } : {});
  await family.board.open(await chair.board.shareLink('family', 'Dad'));
  await family.board.join('Dad');
  await expect.poll(async () => (await family.board.cardWithText(DANGER))?.id).toBe(card.id);
  return { chair, family, cardId: card.id };
}

// Two browsers on a machine shared by many test runs: the default 90 s is too tight.
test.describe.configure({ timeout: 300_000 });

const notes = (page: Page) => page.getByRole('region', { name: 'About this card' });

test('a family member cannot rewrite a practitioner’s card but disagrees with a reason that shows on it with their name', async ({
  openParticipant,
}) => {
  const { chair, family, cardId } = await boardWithFamily(openParticipant, 'Case 1201');
  await family.board.clickCard(cardId);
  // Editing someone else's words is not offered: the editor does not open, a notice says why.
  await family.page.getByRole('button', { name: 'Edit card' }).click();
  await expect(family.page.getByText('This card holds someone else’s words.')).toBeVisible();
  await expect(family.board.editor).toHaveCount(0);

  const panel = notes(family.page);
  await expect(panel).toContainText('Written by Sam Chair');
  await panel.getByText('Disagree with a reason').click();
  await panel.getByLabel('Why you disagree').fill(REASON);
  await panel.getByRole('button', { name: 'Save my reason' }).click();

  // The facilitator's board: the card still holds only the facilitator's words, and shows who disagrees and why.
  await expect
    .poll(async () => (await chair.board.state())?.cards[cardId])
    .toMatchObject({ text: DANGER, marks: { [String(await family.board.participantId())]: 'dispute' } });
  await chair.board.clickCard(cardId);
  await expect(notes(chair.page)).toContainText(`Dad disagrees: ${REASON}`);
  await expect
    .poll(() =>
      chair.page.evaluate((id) => {
        const konva = (
          window as unknown as {
            Konva?: {
              stages: {
                findOne(
                  s: string,
                ): { findOne(s: string): { getAttr(a: string): string } | undefined } | undefined;
              }[];
            };
          }
        ).Konva;
        // The names behind the card's disagreement badge (shown on hover or tap).
        return konva?.stages[0]?.findOne(`#${id}`)?.findOne('.card-badge--dispute')?.getAttr('title') ?? null;
      }, cardId),
    )
    .toContain('Disagree: Dad');
});

test('a family member suggests a change and the card’s author accepts it: the text changes and the card says whose suggestion it was', async ({
  openParticipant,
}) => {
  const { chair, family, cardId } = await boardWithFamily(openParticipant, 'Case 1202');
  await family.board.clickCard(cardId);
  const panel = notes(family.page);
  await panel.getByText('Suggest a change').click();
  await panel.getByLabel('Your suggested wording').fill(SUGGESTION);
  await panel.getByRole('button', { name: 'Send suggestion' }).click();
  // The family member is not offered to accept their own suggestion on someone else's card.
  await expect(panel).toContainText(`Dad suggests: “${SUGGESTION}”`);
  await expect(panel.getByRole('button', { name: 'Accept' })).toHaveCount(0);

  await chair.board.clickCard(cardId);
  const chairPanel = notes(chair.page);
  await expect(chairPanel).toContainText(`Dad suggests: “${SUGGESTION}”`);
  await chairPanel.getByRole('button', { name: 'Accept' }).click();
  await expect.poll(async () => (await family.board.state())?.cards[cardId]?.text).toBe(SUGGESTION);
  await expect(chairPanel).toContainText('Includes a change suggested by Dad');
  const card = (await chair.board.state())?.cards[cardId] as { suggestions?: object; editedBy?: object };
  expect(card.suggestions).toBeUndefined();
  expect(card.editedBy).toBeUndefined(); // the author accepted: no "changed by"
});

test('a locked board stops the family member editing until the facilitator unlocks it; everyone sees it is locked', async ({
  openParticipant,
}) => {
  const { chair, family, cardId } = await boardWithFamily(openParticipant, 'Case 1203');
  await (await menuButton(chair.page, 'Lock the board')).click();
  await expect(family.page.getByText('The board is locked: you can look but not change it')).toBeVisible();
  // One notice, not two: the toolbar's read-only line gives way to the lock's banner.
  await expect(family.page.getByText('You can look at this board but not change it.')).toHaveCount(0);
  await expect(
    chair.page.getByText('The board is locked: family and network members cannot change it.'),
  ).toBeVisible();
  await expect(family.page.getByRole('button', { name: 'Add card' })).toHaveCount(0);
  await family.board.clickCard(cardId);
  await expect(notes(family.page).getByText('Disagree with a reason')).toHaveCount(0);
  // The facilitator keeps working on the locked board.
  await chair.board.addCard('Next steps', 'Review in two weeks');

  await chair.page.getByRole('button', { name: 'Unlock the board' }).click();
  await expect(family.page.getByRole('button', { name: 'Add card' })).toBeVisible();
  await family.board.addCard('Existing strengths', 'Dad walks Mia to school');
  await expect
    .poll(async () => (await chair.board.cardWithText('Dad walks Mia to school'))?.text)
    .toBeTruthy();
});

for (const [name, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['laptop', { width: 1400, height: 900 }],
  ['wall', { width: 1920, height: 1080 }],
] as const) {
  test(`on a ${name} the card’s notes and the lock read clearly and fit the screen`, async ({
    openParticipant,
  }, testInfo) => {
    const { chair, family, cardId } = await boardWithFamily(openParticipant, `Case 12${name}`, viewport);
    await family.board.clickCard(cardId);
    const panel = notes(family.page);
    await panel.getByText('Disagree with a reason').click();
    await panel.getByLabel('Why you disagree').fill(REASON);
    await panel.getByRole('button', { name: 'Save my reason' }).click();
    await panel.getByText('Suggest a change').click();
    await panel.getByLabel('Your suggested wording').fill(SUGGESTION);
    await panel.getByRole('button', { name: 'Send suggestion' }).click();
    await expect(panel).toContainText(`Dad disagrees: ${REASON}`);
    await (await menuButton(chair.page, 'Lock the board')).click();
    const banner = family.page.getByText('The board is locked: you can look but not change it');
    await expect(banner).toBeVisible();

    const shot = testInfo.outputPath(`words-${name}.png`);
    await family.page.screenshot({ path: shot });
    await testInfo.attach(`words-${name}`, { path: shot, contentType: 'image/png' });
    if (process.env.KINMAP_SHOTS_DIR)
      await family.page.screenshot({ path: `${process.env.KINMAP_SHOTS_DIR}/words-${name}.png` });

    const panelBox = await panel.boundingBox();
    const bannerBox = await banner.boundingBox();
    const boardBox = await family.page.locator('.board-scroll').boundingBox();
    if (!panelBox || !bannerBox || !boardBox) throw new Error('not laid out');
    // Inside the screen's width, one above the other, the board still visible below them.
    expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(viewport.width);
    // The lock above the board, the card's notes below it (choosing a card never moves the board).
    expect(bannerBox.y + bannerBox.height).toBeLessThanOrEqual(boardBox.y + 1);
    expect(boardBox.y + boardBox.height).toBeLessThanOrEqual(panelBox.y + 1);
    expect(panelBox.y + panelBox.height).toBeLessThanOrEqual(viewport.height + 1);
    // The board stays on screen between them (on a phone the view controls above leave it little room).
    expect(boardBox.height).toBeGreaterThan(0);
    expect(boardBox.y).toBeLessThan(viewport.height);
    expect(panelBox.height).toBeLessThanOrEqual(viewport.height * 0.4 + 1);
    const sizes = await panel.evaluate((el) =>
      Array.from(el.querySelectorAll('li, p, summary'), (node) =>
        Number.parseFloat(getComputedStyle(node).fontSize),
      ),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    expect(await family.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
  });
}
