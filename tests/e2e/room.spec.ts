import type { Locator, Page, TestInfo } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { menuButton, openMenu } from './pages/chrome.js';
import { MeetingsPage } from './pages/MeetingsPage.js';

/**
 * Getting the room in (issue 13 item 7): several invites at once, every open link with a copy
 * button and a QR code, the join sheet, one code large on the room's screen, the join page that
 * says what the person is joining, attendance pre-ticked, and sign-out on a borrowed phone.
 */

const PHONE = { width: 390, height: 844 };
const WALL = { width: 1920, height: 1080 };

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

test('a facilitator invites three people at once; a family member joins on a phone, sees what they join, and signs out', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(300_000);
  const chair = await openParticipant('facilitator');
  await chair.landing.goto();
  const boardId = await chair.landing.createBoard('Case 9701');

  // Three people in one form, one request.
  const panel = await chair.board.openInvitePanel();
  await panel.getByRole('button', { name: 'Add another person' }).click();
  await panel.getByRole('button', { name: 'Add another person' }).click();
  const names = panel.getByLabel('Name or label');
  const roles = panel.locator('select[id^="invite-role-"]');
  await expect(names).toHaveCount(3);
  const people = [
    ['Alex (Mum)', 'family'],
    ['Aunt Sue', 'network'],
    ['Pat Lee', 'practitioner'],
  ] as const;
  for (const [i, [name, role]] of people.entries()) {
    await names.nth(i).fill(name);
    await roles.nth(i).selectOption(role);
  }
  await panel.getByRole('button', { name: 'Create 3 links' }).click();
  await expect(panel.getByText('3 links made. They are in the list below.')).toBeVisible();

  // Every open link listed, each with its copy button and a drawn QR code.
  for (const [name] of people) {
    await expect(panel.getByLabel(`Link for ${name}`, { exact: true })).toHaveValue(
      /\/join#invite=[\w-]{43}$/,
    );
    await expect(panel.getByRole('button', { name: `Copy the link for ${name}` })).toBeVisible();
    const qr = panel.getByRole('img', { name: `QR code of the link for ${name}` });
    await expect(qr).toHaveAttribute('data-ready', 'true');
    const b = await box(qr);
    expect(Math.round(b.width)).toBe(Math.round(b.height));
    expect(b.width).toBeGreaterThanOrEqual(90);
  }
  const mumLink = await panel.getByLabel('Link for Alex (Mum)', { exact: true }).inputValue();
  await panel.locator('.access-list').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(chair.page, testInfo, 'invite-panel-laptop');
  expect(await seriousViolations(chair.page, testInfo, 'invite-panel-links')).toEqual([]);

  // The join sheet: one block per person; printed, nothing else of the page shows.
  await panel.getByRole('button', { name: 'Print join sheet' }).click();
  const sheet = chair.page.getByRole('dialog', { name: 'Join sheet' });
  await expect(sheet.locator('.join-sheet__person')).toHaveCount(3);
  // The three links were made together, so the sheet holds all three (in no promised order).
  for (const name of ['Alex (Mum)', 'Aunt Sue']) await expect(sheet).toContainText(name);
  await chair.page.emulateMedia({ media: 'print' });
  expect(await chair.page.locator('.board-header').evaluate((el) => getComputedStyle(el).visibility)).toBe(
    'hidden',
  );
  await expect(sheet.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(sheet.locator('.join-sheet__person').nth(2)).toBeVisible();
  await shot(chair.page, testInfo, 'join-sheet-print');
  await chair.page.emulateMedia({ media: 'screen' });
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toHaveCount(0);

  // One person's code large, for the screen the room sees (the wall size).
  await chair.page.setViewportSize(WALL);
  await panel.getByRole('button', { name: 'Show large: the QR code for Aunt Sue' }).click();
  const large = chair.page.getByRole('dialog', { name: 'Join: Aunt Sue' });
  const bigQr = large.getByRole('img', { name: 'QR code of the link for Aunt Sue' });
  await expect(bigQr).toHaveAttribute('data-ready', 'true');
  const big = await box(bigQr);
  expect(big.height).toBeGreaterThanOrEqual(0.55 * WALL.height);
  expect(big.y + big.height).toBeLessThanOrEqual(WALL.height);
  const title = await box(large.getByRole('heading', { name: 'Join: Aunt Sue' }));
  expect(title.y + title.height).toBeLessThanOrEqual(big.y);
  expect(
    await large.getByRole('heading').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
  ).toBeGreaterThanOrEqual(24);
  await shot(chair.page, testInfo, 'large-code-wall');
  await large.getByRole('button', { name: 'Close' }).click();
  await chair.page.setViewportSize({ width: 1400, height: 900 });
  await chair.board.closeInvitePanel();

  // The family member opens their link on a phone: the board, who invited them, their role and
  // what they will see, before giving a name.
  const mum = await openParticipant('family', { viewport: PHONE, touch: true });
  await mum.board.open(mumLink);
  const intro = mum.page.getByRole('region', { name: 'Join the board' });
  await expect(intro).toContainText('Board: Case 9701');
  await expect(intro).toContainText('Invited by Sam Chair');
  await expect(intro).toContainText('You are joining as: Family');
  await expect(intro).toContainText(
    'You will see everything on the map except notes marked for professionals only.',
  );
  // The staff-only label never reaches the person.
  await expect(mum.page.getByText('Alex (Mum)')).toHaveCount(0);
  const field = await box(mum.page.getByLabel('Your name'));
  const join = await box(mum.page.getByRole('button', { name: 'Join' }));
  expect(join.height).toBeGreaterThanOrEqual(40);
  expect(field.x + field.width).toBeLessThanOrEqual(PHONE.width);
  expect(await seriousViolations(mum.page, testInfo, 'join-intro')).toEqual([]);
  await shot(mum.page, testInfo, 'join-page-phone');
  await mum.board.join('Alex');

  // Attendance: the facilitator starts a meeting; everyone on the board now is already ticked.
  const meetings = new MeetingsPage(chair.page);
  await expect(chair.page.getByRole('region', { name: 'On the board now' })).toContainText('Alex');
  await meetings.openMeetings();
  await meetings.startMeeting('Family network meeting');
  await expect(meetings.attendance.getByRole('checkbox', { name: 'Alex (Family)' })).toBeChecked();
  await expect(meetings.attendance.getByRole('checkbox', { name: 'Sam Chair (Facilitator)' })).toBeChecked();
  await expect(
    chair.page.getByText('Ticked: everyone on the board now. Check the list, then save.'),
  ).toBeVisible();
  await shot(chair.page, testInfo, 'attendance-prefilled-laptop');

  // The logo takes the family member home (their boards), not to the staff sign-in form.
  // On a phone the way home is in the menu.
  await openMenu(mum.page);
  await mum.page.locator('#board-menu').getByRole('link', { name: 'Your boards' }).click();
  await expect(mum.page.getByRole('heading', { name: 'Your boards' })).toBeVisible();
  await expect(mum.page.getByRole('link', { name: 'Case 9701' })).toBeVisible();
  await expect(mum.page.getByLabel('Email')).toHaveCount(0);
  await shot(mum.page, testInfo, 'guest-home-phone');
  await mum.page.getByRole('link', { name: 'Case 9701' }).click();
  await mum.page.waitForURL(`**/b/${boardId}`);
  await mum.board.waitUntilSynced();

  // Sign out from the board: session gone on the server, nothing of the board left on the phone.
  // Sign-out is in the top bar's menu (for everyone, family included).
  const signOut = await menuButton(mum.page, 'Sign out');
  const signOutBox = await box(signOut);
  expect(signOutBox.x + signOutBox.width).toBeLessThanOrEqual(PHONE.width);
  await shot(mum.page, testInfo, 'board-phone-signout');
  await signOut.click();
  await mum.page.waitForURL((url) => url.pathname === '/');
  await expect(mum.page.getByLabel('Email')).toBeVisible();
  const left = await mum.page.evaluate(async () => ({
    keys: Object.keys(localStorage).filter((k) => k.startsWith('kinmap')),
    databases: (await indexedDB.databases()).map((d) => d.name),
  }));
  expect(left).toEqual({ keys: [], databases: [] });
  const me = await mum.page.evaluate(async () => (await fetch('/api/me')).json());
  expect(me).toEqual({ user: null, members: [] });
});
