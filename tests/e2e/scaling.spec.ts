import { expect, test } from './fixtures.js';
import { ScalesPage } from './pages/ScalesPage.js';

const FAMILY_REASON = 'Nan has picked Mia up from school every day for a month';
const CHAIR_REASON = 'The plan is new and not tested yet';

test('[PR3] private scaling: nobody else sees a score before the reveal; afterwards everyone sees every score', async ({
  openParticipant,
}, testInfo) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 5120');
  const familyLink = await facilitator.board.shareLink('family');
  const family = await openParticipant('family');
  await family.board.open(familyLink);
  await family.board.join('Alex');
  const familyId = (await family.board.participantId()) ?? '';
  const chairId = (await facilitator.board.participantId()) ?? '';

  const chairScales = new ScalesPage(facilitator.page);
  const familyScales = new ScalesPage(family.page);
  await chairScales.open();
  await familyScales.open();

  // A pair made here appears on both screens with its own scale.
  await chairScales.addPair(
    'We worry Mia will be hurt when Dad drinks',
    'Mia is safe every evening for 6 months',
  );
  await expect(familyScales.scale('Worry 1')).toContainText('We worry Mia will be hurt when Dad drinks');

  // The facilitator opens the overall scale for private scoring.
  await chairScales.scale('Overall').getByRole('button', { name: 'Collect privately' }).click();
  await expect(familyScales.scale('Overall')).toContainText('Collecting scores privately');

  await familyScales.score('Overall', 7, FAMILY_REASON);
  await expect(familyScales.markers('Overall')).toHaveCount(1);
  await expect(chairScales.scale('Overall')).toContainText('1 of 2 has scored');
  await chairScales.score('Overall', 4, CHAIR_REASON);
  await expect(familyScales.scale('Overall')).toContainText('2 of 2 have scored');

  // Before the reveal: neither the other person's page nor their board state holds the score.
  // textContent: everything in the page, also what is not drawn (SVG titles, hidden text).
  const chairText = (await facilitator.page.locator('body').textContent()) ?? '';
  expect(chairText).not.toContain(FAMILY_REASON);
  expect(chairText).not.toContain('Alex (Family)');
  const chairState = JSON.stringify(await facilitator.board.state());
  expect(chairState).not.toContain(FAMILY_REASON);
  expect(await chairScales.ratings('overall')).toEqual({});
  expect(JSON.stringify(await family.board.state())).not.toContain(CHAIR_REASON);
  await expect(chairScales.markers('Overall')).toHaveCount(1);
  await expect(chairScales.markers('Overall')).toHaveAttribute('data-participant', chairId);

  // A reload gives the family their own private score back.
  await family.page.reload();
  await family.board.waitUntilSynced();
  await familyScales.open();
  await expect(familyScales.scale('Overall').getByLabel('Why this number? (optional)')).toHaveValue(
    FAMILY_REASON,
  );

  await chairScales.scale('Overall').getByRole('button', { name: 'Reveal all' }).click();
  for (const scales of [chairScales, familyScales]) {
    await expect(scales.markers('Overall')).toHaveCount(2);
    await expect(scales.scale('Overall')).toContainText(FAMILY_REASON);
    await expect(scales.scale('Overall')).toContainText(CHAIR_REASON);
    await expect(scales.scale('Overall')).toContainText('Alex (Family): 7');
    await expect(scales.scale('Overall')).toContainText('Sam Chair (Facilitator): 4');
  }
  const revealed = (await chairScales.ratings('overall')) ?? {};
  expect(revealed[familyId]).toMatchObject({ value: 7, reason: FAMILY_REASON });

  // Scoring a pair's scale with the keyboard on its line (revealed mode writes to the board).
  const line = familyScales.scale('Worry 1').getByRole('slider');
  await line.focus();
  await line.press('3');
  await expect(chairScales.markers('Worry 1')).toHaveCount(1);

  await chairScales.scale('Overall').getByRole('heading').scrollIntoViewIfNeeded();
  const shot = testInfo.outputPath('scaling.png');
  await facilitator.page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('scaling', { path: shot, contentType: 'image/png' });
});
