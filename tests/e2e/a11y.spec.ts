import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { MeetingsPage } from './pages/MeetingsPage.js';
import { OutlinePage } from './pages/OutlinePage.js';
import { PlanPage } from './pages/PlanPage.js';
import { ReportsPage } from './pages/ReportsPage.js';
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

test('the map, the history, a meeting, a compared version, the reports and the wall screen have no serious or critical accessibility problems', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(240_000);
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 7004');
  await facilitator.board.addCard('Danger statements', 'Mia could be hurt again if Dad drinks');
  await facilitator.board.addCard('Existing strengths', 'Nan takes Mia to school');
  expect(await seriousViolations(facilitator.page, testInfo, 'map')).toEqual([]);

  const meetings = new MeetingsPage(facilitator.page);
  await meetings.openView('History');
  await expect(facilitator.page.getByRole('region', { name: 'What happened on this board' })).toBeVisible();
  expect(await seriousViolations(facilitator.page, testInfo, 'history')).toEqual([]);

  await meetings.openMeetings();
  expect(await seriousViolations(facilitator.page, testInfo, 'meetings')).toEqual([]);
  await meetings.startMeeting('Review child protection conference');
  await meetings.addPersonInRoom('Nan', 'Grandmother');
  await meetings.writeDecision('Nan keeps doing the school runs');
  expect(await seriousViolations(facilitator.page, testInfo, 'meeting-open')).toEqual([]);
  const version = await meetings.closeMeeting();
  // Cards are added on the map (its bar holds the section and "Add card"), then compared.
  await meetings.openView('Map');
  await facilitator.board.addCard('Safety goals', 'Mia is safe at home for six months');
  await meetings.openMeetings();
  await meetings.compareWithNow(version);
  expect(await seriousViolations(facilitator.page, testInfo, 'version-compared')).toEqual([]);
  await meetings.backToList();

  const reports = new ReportsPage(facilitator.page);
  await reports.open();
  expect(await seriousViolations(facilitator.page, testInfo, 'reports')).toEqual([]);

  const wall = await openParticipant('wall', { viewport: { width: 1920, height: 1080 } });
  await wall.board.open((await facilitator.board.shareLink('viewer')).replace('#', '?projector#'));
  await expect.poll(async () => (await wall.board.cards()).length).toBeGreaterThanOrEqual(3);
  expect(await seriousViolations(wall.page, testInfo, 'wall')).toEqual([]);
});

test('the staff accounts screen and the first-administrator setup page have no serious or critical accessibility problems', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(180_000);
  const admin = await openParticipant('admin');
  await admin.landing.goto();
  await admin.landing.signIn();
  await admin.page.getByRole('link', { name: 'Staff accounts' }).click();
  await expect(admin.page.getByRole('heading', { name: 'Staff accounts', level: 1 })).toBeVisible();
  await expect(admin.page.locator('.staff-row').first()).toBeVisible();
  expect(await seriousViolations(admin.page, testInfo, 'staff')).toEqual([]);

  const stranger = await openParticipant('stranger');
  await stranger.page.goto('/setup');
  await expect(stranger.page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(stranger.page, testInfo, 'setup')).toEqual([]);
});

// What shows while a page's code arrives (screens/onDemand.tsx), held on screen by holding the
// start page's file; the service worker is blocked so every fetch goes through the route.
for (const { name, viewport, touch } of [
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
  { name: 'laptop', viewport: { width: 1400, height: 900 }, touch: false },
  { name: 'wall', viewport: { width: 1920, height: 1080 }, touch: false },
]) {
  test(`the loading state of a page loaded on demand is readable and accessible on a ${name}`, async ({
    browser,
    serverUrl,
  }, testInfo) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({
      baseURL: serverUrl,
      viewport,
      hasTouch: touch,
      serviceWorkers: 'block',
    });
    try {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await context.route(/\/assets\/Landing-[\w-]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto('/');
      const loading = page.getByRole('status').filter({ hasText: 'Opening…' });
      await expect(loading).toBeVisible();
      const shot = testInfo.outputPath(`loading-${name}.png`);
      await page.screenshot({ path: shot });
      await testInfo.attach(`loading-${name}`, { path: shot, contentType: 'image/png' });

      const box = await loading.boundingBox();
      expect(box).not.toBeNull();
      if (box) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        // Centred across the screen.
        expect(Math.abs(box.x + box.width / 2 - viewport.width / 2)).toBeLessThanOrEqual(2);
      }
      const fontSize = await loading.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(18);
      expect(await seriousViolations(page, testInfo, `loading-${name}`)).toEqual([]);

      release();
      await expect(page.getByLabel('Email')).toBeVisible();
      await expect(loading).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
}
