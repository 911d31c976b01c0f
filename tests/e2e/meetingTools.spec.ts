import type { Locator, Page, TestInfo } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { menuButton } from './pages/chrome.js';
import { PlanPage } from './pages/PlanPage.js';

// Issue 13, item 6: the facilitator's meeting tools — an agenda with a timer the wall shows, a
// parking lot anyone in the meeting adds to, and an end-of-meeting summary on the wall.

const WALL = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };
const SIZES = [
  ['phone', PHONE],
  ['laptop', { width: 1400, height: 900 }],
  ['wall', WALL],
] as const;

async function shoot(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  const shot = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: shot });
  await testInfo.attach(name, { path: shot, contentType: 'image/png' });
}

/** The computed font size (CSS px) of every element `locator` matches. */
function fontSizes(locator: Locator): Promise<number[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
  );
}

/** True when no two of the boxes overlap (each a visible element's bounding box). */
async function overlapping(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) => {
    const boxes = elements.map((element) => element.getBoundingClientRect());
    const found: string[] = [];
    boxes.forEach((a, i) => {
      boxes.slice(i + 1).forEach((b, j) => {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        if (!apart) found.push(`${i} and ${i + j + 1}`);
      });
    });
    return found;
  });
}

test('the facilitator runs an agenda with a timer on the wall; the family parks a question; the wall shows the summary', async ({
  openParticipant,
}, testInfo) => {
  // Three browsers (laptop, phone, wall) on a shared two-core machine.
  test.setTimeout(900_000);
  const chair = await openParticipant('facilitator');
  await chair.landing.goto();
  await chair.landing.createBoard('Case 6101');
  await chair.board.addCard('Safety goals', 'Mia is collected from school by a safe adult every day');
  await chair.board.addCard('Next steps', 'Sam calls the school by Friday 12 March');
  const plan = new PlanPage(chair.page);
  await plan.open();
  await plan.addMember({ name: 'Nan' });
  await plan.addRule('Nan collects Mia from school on weekdays', ['Nan']);
  await chair.page.getByLabel('Review date').fill('2027-03-15');
  await chair.page.getByLabel('Review date').blur();
  await chair.page.getByRole('button', { name: 'Map', exact: true }).click();

  // The facilitator builds the agenda and starts the timer.
  const mumLink = await chair.board.shareLink('family', 'Mum');
  const wallLink = (await chair.board.shareLink('viewer', 'Wall')).replace('#', '?projector#');
  await chair.page.getByRole('button', { name: 'Meeting', exact: true }).click();
  const panel = chair.page.getByRole('complementary', { name: 'Meeting tools' });
  for (const [title, minutes] of [
    ['Welcome and introductions', '5'],
    ['What we are worried about', '20'],
  ] as const) {
    await panel.getByLabel('Item', { exact: true }).fill(title);
    await panel.getByLabel('Minutes').fill(minutes);
    await panel.getByRole('button', { name: 'Add to agenda' }).click();
  }
  await expect(panel.locator('.meeting-agenda-item')).toHaveCount(2);
  await panel.getByRole('button', { name: 'Start timer' }).click();
  await expect(panel.getByRole('timer')).toHaveText(/^[0-5]:\d\d left$/);
  await expect(panel.getByRole('button', { name: 'Pause' })).toBeVisible();

  // The family member, on a phone: no timer or agenda controls, but they can park a question.
  const mum = await openParticipant('mum', { viewport: PHONE, touch: true });
  await mum.board.open(mumLink);
  await mum.page.getByLabel('Your name').fill('Mariam');
  await mum.page.getByRole('button', { name: 'Join' }).click();
  await expect.poll(() => mum.board.status(), { timeout: 180_000 }).toBe('synced');
  // On a phone the meeting tools open from the menu.
  await (await menuButton(mum.page, 'Meeting')).click();
  const mumPanel = mum.page.getByRole('complementary', { name: 'Meeting tools' });
  await expect(mumPanel.getByRole('timer')).toHaveText(/left$/);
  await expect(
    mumPanel.getByRole('button', { name: /Start timer|Pause|Next item|Add to agenda/ }),
  ).toHaveCount(0);
  await mumPanel.getByLabel('Something to come back to').fill('Can Nan come to the next meeting?');
  await mumPanel.getByRole('button', { name: 'Park it' }).click();
  const parked = panel.locator('.meeting-parking-item', { hasText: 'Can Nan come to the next meeting?' });
  await expect(parked).toContainText('Mariam (Family)');
  await expect(mumPanel.locator('.meeting-parking-item')).toHaveCount(1);
  // Touch targets on the phone: the panel's buttons are at least 44 px high.
  const heights = await mumPanel
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
  await shoot(mum.page, 'meeting-panel-phone', testInfo);
  expect(await mum.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  // Fewer browsers at once on a shared two-core machine: the phone's part is done.
  await mum.context.close();

  // The wall shows the current item and the time left, large.
  const wall = await openParticipant('wall', { viewport: WALL });
  await wall.board.open(wallLink);
  // A third browser on a busy two-core machine can take a while to connect: generous, not a measure.
  await expect.poll(() => wall.board.status(), { timeout: 180_000 }).toBe('synced');
  const strip = wall.page.getByTestId('meeting-timer-wall');
  await expect(strip).toContainText('Welcome and introductions');
  await expect(strip.getByRole('timer')).toHaveText(/^[0-5]:\d\d left$/);
  for (const size of await fontSizes(strip.locator('.meeting-timer-item, .meeting-timer-time')))
    expect(size).toBeGreaterThanOrEqual(24);
  const stripBox = await strip.boundingBox();
  const mapBox = await wall.page.locator('.board-scroll').boundingBox();
  expect(stripBox && mapBox && stripBox.y + stripBox.height <= mapBox.y + 1).toBe(true);
  expect(
    await overlapping(strip.locator('.meeting-timer-now, .meeting-timer-item, .meeting-timer-time')),
  ).toEqual([]);
  await shoot(wall.page, 'meeting-timer-wall', testInfo);

  // The facilitator moves on: the wall follows.
  await panel.getByRole('button', { name: 'Next item' }).click();
  await expect(strip).toContainText('What we are worried about');
  await expect(strip.getByRole('timer')).toHaveText(/^(20:00|1\d:\d\d) left$/);
  await shoot(chair.page, 'meeting-panel-laptop', testInfo);
  expect(await seriousViolations(chair.page, testInfo, 'meeting-panel')).toEqual([]);

  // One action puts the end-of-meeting summary on the wall.
  await panel.getByRole('button', { name: 'Show the summary on the wall' }).click();
  const summary = wall.page.getByTestId('meeting-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('region', { name: 'Safety goals' })).toContainText(
    'Mia is collected from school by a safe adult every day',
  );
  await expect(summary.getByRole('region', { name: 'Next steps' })).toContainText(
    'Sam calls the school by Friday 12 March',
  );
  const rules = summary.getByRole('region', { name: 'The safety plan: who makes sure' });
  await expect(rules).toContainText('Nan collects Mia from school on weekdays');
  await expect(rules).toContainText('Nan');
  await expect(wall.page.getByTestId('meeting-summary-review')).toContainText('2027');
  await expect(wall.page.getByTestId('meeting-summary-review')).toContainText('15');
  for (const size of await fontSizes(summary.locator('li, h2, strong, .meeting-summary-who')))
    expect(size).toBeGreaterThanOrEqual(24);
  expect(await seriousViolations(wall.page, testInfo, 'meeting-summary')).toEqual([]);
  for (const [name, viewport] of SIZES) {
    await wall.page.setViewportSize(viewport);
    expect(await overlapping(summary.locator('.meeting-summary-columns > section'))).toEqual([]);
    expect(await wall.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
    await shoot(wall.page, `meeting-summary-${name}`, testInfo);
  }
  await wall.page.setViewportSize(WALL);

  // And back to the map.
  await panel.getByRole('button', { name: 'Show the map on the wall' }).click();
  await expect(summary).toBeHidden();
  await expect(strip).toContainText('What we are worried about');
});
