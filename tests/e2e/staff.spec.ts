import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.js';

/**
 * The administrators' staff screen (SPEC [SA1]–[SA3]): reached from the start page, adds an
 * account, disables it (the person's open board closes and they are signed out), enables it and
 * sets a new password; laid out for a phone, a laptop and the wall screen.
 */

const PASSWORD = 'a long first password';
const NEW_PASSWORD = 'a brand new password';

async function openStaffScreen(page: Page) {
  await page.getByRole('link', { name: 'Staff accounts' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { name: 'Staff accounts', level: 1 })).toBeVisible();
}

/** Layout facts that matter at every size: nothing wider than the screen, readable, no overlap. */
async function expectTidyLayout(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const rows = page.locator('.staff-row');
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const rowBox = await row.boundingBox();
    expect(rowBox).not.toBeNull();
    if (!rowBox) continue;
    expect(rowBox.x).toBeGreaterThanOrEqual(0);
    expect(rowBox.x + rowBox.width).toBeLessThanOrEqual(width);
    const buttons = await row.locator('.staff-actions button').all();
    const boxes = [];
    for (const button of buttons) {
      await expect(button).toBeVisible();
      const box = await button.boundingBox();
      if (box) boxes.push(box);
      // Inside its card, tall enough to tap.
      if (box) {
        expect(box.x + box.width).toBeLessThanOrEqual(rowBox.x + rowBox.width + 0.5);
        expect(box.height).toBeGreaterThanOrEqual(40);
      }
    }
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const [p, q] = [boxes[a], boxes[b]];
        if (!p || !q) continue;
        const overlap =
          p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
        expect(overlap, 'action buttons overlap').toBe(false);
      }
  }
  const fontSize = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(await fontSize('.staff-row strong')).toBeGreaterThanOrEqual(16);
  expect(await fontSize('.staff-row__email')).toBeGreaterThanOrEqual(16);
  expect(await fontSize('.staff-row .tag')).toBeGreaterThanOrEqual(14);
  await expect(page.getByRole('button', { name: 'Add the account' })).toBeVisible();
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const shot = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach(name, { path: shot, contentType: 'image/png' });
  if (process.env.KINMAP_SHOTS_DIR) {
    mkdirSync(process.env.KINMAP_SHOTS_DIR, { recursive: true });
    copyFileSync(shot, join(process.env.KINMAP_SHOTS_DIR, `${name}.png`));
  }
}

test('[SA1] [SA2] [SA3] an administrator adds, disables, enables and resets a staff account', async ({
  openParticipant,
}, testInfo) => {
  const email = `pat.${Date.now()}@example.org`;
  const admin = await openParticipant('administrator');
  await admin.landing.goto();
  await admin.landing.signIn();
  await openStaffScreen(admin.page);

  // Add Pat.
  const add = admin.page.getByRole('form', { name: 'Add a staff account' });
  await add.getByLabel('Name').fill('Pat Practitioner');
  await add.getByLabel('Email').fill(email);
  await add.getByLabel('First password').fill(PASSWORD);
  await add.getByRole('button', { name: 'Add the account' }).click();
  await expect(admin.page.getByText('Pat Practitioner can now sign in.')).toBeVisible();
  const patRow = admin.page.getByRole('listitem', { name: 'Pat Practitioner' });
  await expect(patRow).toContainText(email);
  // The administrator cannot disable themselves: their row offers no such button.
  const myRow = admin.page.locator('.staff-row', { hasText: 'You' });
  await expect(myRow.getByRole('button', { name: /^Disable/ })).toHaveCount(0);

  // Pat signs in and opens a board; an account that is not an administrator has no staff link.
  const pat = await openParticipant('Pat', {
    expectedErrors: [/401|403|Unauthorized|Forbidden|WebSocket/i],
  });
  await pat.landing.goto();
  await pat.landing.signIn({ email, password: PASSWORD });
  await expect(pat.page.getByRole('link', { name: 'Staff accounts' })).toHaveCount(0);
  await pat.landing.createBoard('Case 4410');
  await pat.page.goto('/staff');
  await expect(pat.page.getByText('Only an administrator can manage staff accounts.')).toBeVisible();
  await pat.page.goBack();
  await expect.poll(() => pat.page.evaluate(() => window.__kinmap?.status() ?? null)).toBe('synced');

  // Disabled: Pat's open board loses its connection, and Pat is signed out.
  await patRow.getByRole('button', { name: 'Disable Pat Practitioner' }).click();
  await patRow.getByRole('button', { name: 'Yes, disable' }).click();
  await expect(patRow.getByText('Disabled')).toBeVisible();
  await expect.poll(() => pat.page.evaluate(() => window.__kinmap?.status() ?? null)).not.toBe('synced');
  const me = await pat.page.evaluate(async () => (await fetch('/api/me')).json());
  expect(me).toMatchObject({ user: null });

  // Enabled again with a new password: the old one no longer works, the new one does.
  await patRow.getByRole('button', { name: 'Enable Pat Practitioner again' }).click();
  await expect(patRow.getByText('Disabled')).toHaveCount(0);
  await patRow.getByRole('button', { name: 'Set a new password for Pat Practitioner' }).click();
  await patRow.getByLabel('New password for Pat Practitioner').fill(NEW_PASSWORD);
  await patRow.getByRole('button', { name: 'Set the password' }).click();
  await expect(patRow.getByText('The new password for Pat Practitioner is set.')).toBeVisible();
  await pat.landing.goto();
  await pat.page.getByLabel('Email').fill(email);
  await pat.page.getByLabel('Password').fill(PASSWORD);
  await pat.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(pat.page.getByText('The email or password is not right.')).toBeVisible();
  await pat.landing.signIn({ email, password: NEW_PASSWORD });

  await expectTidyLayout(admin.page, 1400);
  await shoot(admin.page, testInfo, 'staff-laptop');
});

for (const [name, viewport, touch] of [
  ['phone', { width: 390, height: 844 }, true],
  ['wall', { width: 1920, height: 1080 }, false],
] as const) {
  test(`the staff screen is laid out for a ${name}`, async ({ openParticipant }, testInfo) => {
    const admin = await openParticipant(`administrator on a ${name}`, { viewport, touch });
    await admin.landing.goto();
    await admin.landing.signIn();
    await openStaffScreen(admin.page);
    await expect(admin.page.locator('.staff-row').first()).toBeVisible();
    // One account with its password form open, as an administrator sees it mid-task.
    const first = admin.page.locator('.staff-row').first();
    await expectTidyLayout(admin.page, viewport.width);
    await first.getByRole('button', { name: /^Set a new password/ }).click();
    await expect(first.getByRole('button', { name: 'Set the password' })).toBeVisible();
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
    await shoot(admin.page, testInfo, `staff-${name}`);
  });
}
