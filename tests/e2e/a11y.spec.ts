import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { OutlinePage } from './pages/OutlinePage.js';
import { PlanPage } from './pages/PlanPage.js';
import { ScalesPage } from './pages/ScalesPage.js';

test('the sign-in page, the boards page, the invite panel and the join form have no serious or critical accessibility problems', async ({
  openParticipant,
}, testInfo) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await expect(facilitator.page.getByLabel('Email')).toBeVisible();
  expect(await seriousViolations(facilitator.page, testInfo, 'sign-in')).toEqual([]);

  await facilitator.landing.signIn();
  await expect(facilitator.page.getByLabel('Case label')).toBeVisible();
  expect(await seriousViolations(facilitator.page, testInfo, 'landing')).toEqual([]);

  await facilitator.landing.createBoard('Case 7001');
  const link = await facilitator.board.shareLink('family', 'Alex (Mum)');
  await facilitator.board.openInvitePanel();
  expect(await seriousViolations(facilitator.page, testInfo, 'invite-panel')).toEqual([]);

  const family = await openParticipant('family');
  await family.board.open(link);
  await expect(family.page.getByLabel('Your name')).toBeVisible();
  expect(await seriousViolations(family.page, testInfo, 'join')).toEqual([]);

  // The form after a failed attempt (error message shown) is checked too.
  await family.page.getByRole('button', { name: 'Join' }).click();
  await expect(family.page.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(family.page, testInfo, 'join-error')).toEqual([]);
});

test('the outline with cards in every column has no serious or critical accessibility problems', async ({
  openParticipant,
}, testInfo) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 7002');
  const outline = new OutlinePage(facilitator.page);
  await outline.open();
  const cards: ReadonlyArray<readonly [string, string]> = [
    ['Harm', 'Dad pushed Mia against the door on Friday'],
    ['Danger statements', 'Mia could be hurt again if Dad drinks'],
    ['Complicating factors', 'Mum works nights'],
    ['Existing strengths', 'Nan takes Mia to school'],
    ['Existing safety', 'Mum took Mia to Nan’s when Dad was drunk'],
    ['Safety goals', 'Mia is safe at home for six months'],
    ['Next steps', 'الجدة تأخذ مريم إلى المدرسة كل يوم'],
  ];
  for (const [category, text] of cards) await outline.addCard(category, text);
  await outline
    .card('Nan takes Mia to school')
    .getByRole('button', { name: /^I agree/ })
    .click();
  expect(await seriousViolations(facilitator.page, testInfo, 'outline')).toEqual([]);

  // With a card's editor open and a delete question showing.
  await outline.card('Mum works nights').getByRole('button', { name: /^Edit/ }).click();
  await outline
    .card('Nan takes Mia to school')
    .getByRole('button', { name: /^Delete/ })
    .click();
  expect(await seriousViolations(facilitator.page, testInfo, 'outline-editing')).toEqual([]);

  // A family member's read of the same outline (someone else's cards, no share links).
  const family = await openParticipant('family');
  await family.board.open(await facilitator.board.shareLink('family'));
  await family.board.join('Alex');
  const familyOutline = new OutlinePage(family.page);
  await familyOutline.open();
  await expect(familyOutline.card('Mum works nights')).toBeVisible();
  expect(await seriousViolations(family.page, testInfo, 'outline-family')).toEqual([]);
});

test('the scaling and plan views have no serious or critical accessibility problems', async ({
  openParticipant,
}, testInfo) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 7003');

  const scales = new ScalesPage(facilitator.page);
  await scales.open();
  await scales.addPair('Mia could be hurt again if Dad drinks', 'Mia is safe at home for six months');
  await expect(scales.scale('Worry 1')).toBeVisible();
  await scales.score('Overall', 4, 'Nan is helping every day');
  expect(await seriousViolations(facilitator.page, testInfo, 'scales')).toEqual([]);

  // Collecting privately: the count and the reveal button are on screen.
  await scales.scale('Worry 1').getByRole('button', { name: 'Collect privately' }).click();
  await expect(scales.scale('Worry 1').getByRole('button', { name: 'Reveal all' })).toBeVisible();
  expect(await seriousViolations(facilitator.page, testInfo, 'scales-private')).toEqual([]);

  const plan = new PlanPage(facilitator.page);
  await plan.open();
  await plan.addMember({
    name: 'Nan',
    relationship: 'Grandmother',
    contact: '07700 900123',
    agreedTo: 'School runs',
  });
  await plan.addRule('Dad does not drink when he looks after Mia', ['Nan']);
  expect(await seriousViolations(facilitator.page, testInfo, 'plan')).toEqual([]);
});
