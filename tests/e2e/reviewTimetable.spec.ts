import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { shotOf } from './pages/childTool.js';
import { MeetingsPage } from './pages/MeetingsPage.js';
import { SCREEN_SIZES } from './sizes.js';

// Issue 15: the board list shows when each board's next review conference is due, and flags it overdue.

test('an initial conference held long ago makes the board’s review overdue on the board list', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(180_000);
  const chair = await openParticipant('facilitator');
  const { page } = chair;
  await chair.landing.goto();
  await chair.landing.createBoard('Case 1502');
  const meetings = new MeetingsPage(page);
  await meetings.openMeetings();
  await page.getByLabel('Date of the meeting').fill('2026-01-10');
  await meetings.startMeeting('Initial child protection conference');
  await meetings.closeMeeting();
  await expect(
    page.getByText(
      'Overdue: the review conference was due by April 10, 2026, within 3 months of the conference on January 10, 2026.',
    ),
  ).toBeVisible();

  await chair.landing.goto();
  const entry = page.getByRole('listitem').filter({ hasText: 'Case 1502' });
  await expect(entry.getByText('Overdue: the review conference was due by April 10, 2026')).toBeVisible();
  // Said in words and weight, not colour alone.
  const weight = await entry
    .locator('.board-review--overdue')
    .evaluate((el) => getComputedStyle(el).fontWeight);
  expect(Number(weight)).toBeGreaterThanOrEqual(600);
  for (const [name, viewport] of SCREEN_SIZES) {
    await page.setViewportSize(viewport);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name}: no sideways scrolling`).toBeLessThanOrEqual(0);
    const size = await entry
      .locator('.board-review')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size, `${name}: at least 14 px`).toBeGreaterThanOrEqual(14);
    await shotOf(page, testInfo, `board-list-review-${name}`);
  }
  expect(await seriousViolations(page, testInfo, 'board-list-review')).toEqual([]);
});
