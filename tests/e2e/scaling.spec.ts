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
  await familyScales.scale('Worry 1').getByRole('button', { name: 'Save my score' }).click();
  await expect(chairScales.markers('Worry 1')).toHaveCount(1);

  await chairScales.scale('Overall').getByRole('heading').scrollIntoViewIfNeeded();
  const shot = testInfo.outputPath('scaling.png');
  await facilitator.page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('scaling', { path: shot, contentType: 'image/png' });
});

const SLOW_REASON_START = 'Nan picks Mia up';
const SLOW_REASON_MORE = ' from school every day and stays for tea';

test('a tap picks, Save sends value and reason together, and nothing typed is lost on a slow network', async ({
  openParticipant,
}, testInfo) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 5121');
  const familyLink = await facilitator.board.shareLink('family');
  const family = await openParticipant('family on a phone', {
    viewport: { width: 390, height: 844 },
    touch: true,
  });
  await family.board.open(familyLink);
  await family.board.join('Alex');
  const chairScales = new ScalesPage(facilitator.page);
  const familyScales = new ScalesPage(family.page);
  await chairScales.open();
  await familyScales.open();
  const overall = familyScales.scale('Overall');
  const reasonField = overall.getByLabel('Why this number? (optional)');
  const line = overall.getByRole('slider');
  const notice = overall.getByRole('status').filter({ hasNotText: 'Collecting scores privately' });

  // Revealed: a tap only picks. Nothing reaches the board until the value and reason are saved.
  await line.scrollIntoViewIfNeeded();
  await line.press('5');
  await expect(notice).toContainText('Not saved yet');
  await expect(overall.locator('.scale-line__draft')).toHaveAttribute('data-draft', '5');
  expect(await familyScales.ratings('overall')).toEqual({});
  await reasonField.fill('Gran helps');
  await overall.getByRole('button', { name: 'Save my score' }).click();
  await expect(chairScales.scale('Overall')).toContainText('Alex (Family): 5');
  await expect(chairScales.scale('Overall')).toContainText('Gran helps');
  const revealed = (await familyScales.ratings('overall')) ?? {};
  expect(Object.values(revealed)).toEqual([expect.objectContaining({ value: 5, reason: 'Gran helps' })]);

  // Private: the save is one request that the "network" holds until we let it through.
  await chairScales.scale('Overall').getByRole('button', { name: 'Collect privately' }).click();
  await expect(overall).toContainText('Collecting scores privately');
  await expect(reasonField).toHaveValue('');
  const bodies: unknown[] = [];
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await family.page.route('**/scales/overall/ratings/**', async (route) => {
    if (route.request().method() === 'PUT') {
      bodies.push(route.request().postDataJSON());
      await held;
    }
    await route.continue();
  });

  // A tap on the line at 7 (the line runs 0–10 across the drawing).
  const box = await line.boundingBox();
  if (!box) throw new Error('the scale line is not on screen');
  const markerX = await line.evaluate((svg) => {
    const tick = svg.querySelectorAll('.scale-line__tick')[7];
    const r = tick?.getBoundingClientRect();
    return r ? r.left + r.width / 2 : 0;
  });
  await family.page.touchscreen.tap(markerX, box.y + box.height / 3);
  await expect(overall.locator('.scale-line__draft')).toHaveAttribute('data-draft', '7');
  expect(bodies).toEqual([]);
  await reasonField.fill(SLOW_REASON_START);
  await overall.getByRole('button', { name: 'Save my score' }).tap();
  await expect(notice).toContainText('Saving');
  await expect.poll(() => bodies.length).toBe(1);
  expect(bodies[0]).toEqual({ value: 7, reason: SLOW_REASON_START });
  // Typing on while the save is on its way…
  await reasonField.press('End');
  await reasonField.pressSequentially(SLOW_REASON_MORE);
  const answered = family.page.waitForResponse(
    (response) =>
      response.url().includes('/scales/overall/ratings/') && response.request().method() === 'PUT',
  );
  release();
  expect((await answered).ok()).toBe(true);
  // …the answer does not take back a single character.
  await expect(chairScales.scale('Overall')).toContainText('1 of 2 has scored');
  await expect(reasonField).toHaveValue(SLOW_REASON_START + SLOW_REASON_MORE);
  await expect(notice).toContainText('Not saved yet');
  await overall.getByRole('button', { name: 'Save my score' }).tap();
  await expect(notice).toContainText('Only you can see it');
  expect(bodies.at(-1)).toEqual({ value: 7, reason: SLOW_REASON_START + SLOW_REASON_MORE });
  await family.page.unroute('**/scales/overall/ratings/**');

  // Layout on the phone: the form's controls are on screen, side by side with nothing.
  const shotPhone = testInfo.outputPath('scaling-phone.png');
  await overall.screenshot({ path: shotPhone });
  await testInfo.attach('scaling-phone', { path: shotPhone, contentType: 'image/png' });
  for (const control of [reasonField, overall.getByRole('button', { name: 'Save my score' }), line]) {
    const b = await control.boundingBox();
    expect(b && b.x >= 0 && b.x + b.width <= 390).toBe(true);
  }
  const fontSize = await reasonField.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(16);

  // After a reload the whole reason is what the server kept.
  await family.page.reload();
  await family.board.waitUntilSynced();
  await familyScales.open();
  await expect(familyScales.scale('Overall').getByLabel('Why this number? (optional)')).toHaveValue(
    SLOW_REASON_START + SLOW_REASON_MORE,
  );

  for (const [name, size] of [
    ['laptop', { width: 1400, height: 900 }],
    ['wall', { width: 1920, height: 1080 }],
  ] as const) {
    await facilitator.page.setViewportSize(size);
    await chairScales.scale('Overall').getByRole('heading').scrollIntoViewIfNeeded();
    const shot = testInfo.outputPath(`scaling-${name}.png`);
    await facilitator.page.screenshot({ path: shot });
    await testInfo.attach(`scaling-${name}`, { path: shot, contentType: 'image/png' });
  }
});
