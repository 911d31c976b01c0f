import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { MeetingsPage } from './pages/MeetingsPage.js';
import { ReportsPage } from './pages/ReportsPage.js';
import { ScalesPage } from './pages/ScalesPage.js';

const SIZES = [
  ['phone', { width: 390, height: 844 }],
  ['laptop', { width: 1400, height: 900 }],
  ['wall', { width: 1920, height: 1080 }],
] as const;

/** Screenshots of one region at the three sizes, each attached; the region fits the width. */
async function shootSizes(page: Page, region: Locator, name: string, testInfo: TestInfo): Promise<void> {
  for (const [size, viewport] of SIZES) {
    await page.setViewportSize(viewport);
    await region.scrollIntoViewIfNeeded();
    const shot = testInfo.outputPath(`${name}-${size}.png`);
    await page.screenshot({ path: shot });
    await testInfo.attach(`${name}-${size}`, { path: shot, contentType: 'image/png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

test('the trajectory draws each family member in their own colour and dash; the history filters; a used link says what happened', async ({
  openParticipant,
}, testInfo) => {
  // Three people, a meeting, three views at three sizes each: more than one usual test's work.
  test.slow();
  const chair = await openParticipant('facilitator');
  await chair.landing.goto();
  await chair.landing.createBoard('Case 5502');
  const mumLink = await chair.board.shareLink('family', 'Mum');
  const dadLink = await chair.board.shareLink('family', 'Dad');
  const mum = await openParticipant('mum');
  await mum.board.open(mumLink);
  await mum.board.join('Mariam');
  const dad = await openParticipant('dad');
  await dad.board.open(dadLink);
  await dad.board.join('Tariq');

  for (const [person, value, reason] of [
    [mum, 5, 'Nan helps every day'],
    [dad, 7, 'I have stopped drinking'],
  ] as const) {
    const scales = new ScalesPage(person.page);
    await scales.open();
    await scales.score('Overall', value, reason);
  }
  const meetings = new MeetingsPage(chair.page);
  await meetings.openMeetings();
  await chair.page.getByLabel('Date of the meeting').fill('2025-03-12');
  await meetings.startMeeting('Initial child protection conference');
  await meetings.closeMeeting();

  // [2] Two family members: two lines, each its own colour AND dash, the legend naming each.
  const reports = new ReportsPage(chair.page);
  await reports.open();
  const overall = reports.scale('Overall');
  expect(Object.keys(await reports.table('Overall'))).toEqual([
    'Mariam (Family)',
    'Tariq (Family)',
    'Family (average)',
  ]);
  const looks = await overall.locator('.trajectory-line path').evaluateAll((paths) =>
    paths.map((p) => ({
      line: p.parentElement?.getAttribute('data-line') ?? '',
      stroke: p.getAttribute('stroke'),
      dash: p.getAttribute('stroke-dasharray') ?? '',
    })),
  );
  const people = looks.filter((l) => !l.line.startsWith('group:'));
  expect(people).toHaveLength(2);
  expect(people[0]?.stroke).not.toBe(people[1]?.stroke);
  expect(people[0]?.dash).not.toBe(people[1]?.dash);
  const legend = overall.locator('.trajectory-legend li');
  await expect(legend).toHaveText(['Mariam (Family)', 'Tariq (Family)', 'Family (average)']);
  await shootSizes(chair.page, overall, 'trajectory', testInfo);

  // [3] History: the facilitator's invites in the facilitator's role, and the filters.
  await chair.page.getByRole('button', { name: 'History' }).click();
  const history = chair.page.getByRole('region', { name: 'What happened on this board' });
  await expect(history).toContainText('Sam Chair (Facilitator) created an invite for a family member');
  await expect(history).not.toContainText('Sam Chair (Family)');
  const entries = history.locator('.history__entry');
  // The controls, in their order in the "Show only" group (a label's name includes its select's value).
  const filterGroup = history.getByRole('group', { name: 'Show only' });
  const personFilter = filterGroup.getByRole('combobox').nth(0);
  const kindFilter = filterGroup.getByRole('combobox').nth(1);
  const fromFilter = filterGroup.locator('input[type="date"]').nth(0);
  const toFilter = filterGroup.locator('input[type="date"]').nth(1);
  await kindFilter.selectOption({ label: 'Invites created' });
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText(
    'Sam Chair (Facilitator) created an invite for a family member',
  );
  await kindFilter.selectOption({ label: 'Everything' });
  await personFilter.selectOption({ label: 'Tariq (Family)' });
  await expect(entries.first()).toContainText('Tariq (Family)');
  for (const text of await entries.allTextContents()) expect(text).toContain('Tariq (Family)');
  const today = new Date();
  const day = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  await fromFilter.fill(day(tomorrow));
  await expect(history).toContainText('Nothing in the history matches these choices.');
  await fromFilter.fill(day(today));
  await expect(entries.first()).toContainText('Tariq (Family)');
  const filters = history.getByRole('group', { name: 'Show only' });
  await shootSizes(chair.page, filters, 'history', testInfo);
  // On a phone the four controls stay inside the screen and do not overlap.
  await chair.page.setViewportSize({ width: 390, height: 844 });
  const boxes = [];
  for (const control of [personFilter, kindFilter, fromFilter, toFilter]) {
    const box = await control.boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      boxes.push(box);
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (!a || !b) continue;
      const apart =
        a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart).toBe(true);
    }
  }
  await chair.page.setViewportSize({ width: 1400, height: 900 });
  await history.getByRole('button', { name: 'Show everything' }).click();
  await expect(history).toContainText('Sam Chair (Facilitator) created an invite for a family member');

  // [5] Mum's link again, in a browser that is not hers: what happened, not "another device".
  const other = await openParticipant('someone else', { expectedErrors: [/status of 410/] });
  // The join page checks the link first: a used one says so at once, without asking for a name.
  await other.board.open(mumLink);
  await expect(other.page.getByLabel('Your name')).toHaveCount(0);
  const said = other.page.getByRole('alert');
  await expect(said).toContainText('This link has already been used to join the board');
  await expect(said).not.toContainText('another device');
  await shootSizes(other.page, said, 'join-used', testInfo);
});
