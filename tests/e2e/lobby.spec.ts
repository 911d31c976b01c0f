import type { Locator, Page, TestInfo } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, type Participant, test } from './fixtures.js';

/**
 * The wall's join code (issue 13 item 7, "a QR code on the wall for joining"; SPEC [AU20]–[AU22]):
 * the facilitator shows it, the wall shows a large QR code and short address, a phone that scans
 * it asks to join and waits with nothing of the board, the facilitator lets them in as family and
 * the phone sees the board; someone declined is told so; hiding the code takes it off the wall.
 */

const LAPTOP = { width: 1400, height: 900 };
const WALL = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };
const SLOW = 45_000;

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

const fontPx = (locator: Locator) =>
  locator.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

async function synced(person: Participant): Promise<void> {
  await expect.poll(() => person.board.status(), { timeout: SLOW }).toBe('synced');
}

/** A phone that opens the address the wall's QR code encodes and asks to join. */
async function askOnPhone(
  openParticipant: (label: string, options: object) => Promise<Participant>,
  label: string,
  address: string,
  name: string,
  about = '',
  beforeAsking: (phone: Participant) => Promise<void> = async () => {},
): Promise<Participant> {
  const phone = await openParticipant(label, { viewport: PHONE, touch: true });
  await phone.page.goto(address);
  await expect(phone.page.getByRole('heading', { name: 'Ask to join the meeting' })).toBeVisible();
  await phone.page.getByLabel('Your name').fill(name);
  if (about) await phone.page.getByLabel('Who are you? (you can leave this empty)').fill(about);
  await beforeAsking(phone);
  await phone.page.getByRole('button', { name: 'Ask to join' }).tap();
  await expect(phone.page.getByTestId('ask-waiting')).toBeVisible();
  return phone;
}

test('a phone scans the join code on the wall, asks to join, and is let in as family by the facilitator', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(300_000);
  const chair = await openParticipant('facilitator', { viewport: LAPTOP });
  await chair.landing.goto();
  await chair.landing.createBoard('Case 9801');
  const wallLink = await chair.board.shareLink('viewer', 'Wall');
  const wall = await openParticipant('wall', { viewport: WALL });
  await wall.board.open(wallLink.replace('#', '?projector#'));
  await synced(wall);
  await expect(wall.page.getByTestId('wall-join')).toHaveCount(0);

  // The facilitator puts the code on the wall.
  const panel = await chair.board.openInvitePanel();
  await panel.getByRole('button', { name: 'Show a join code on the wall' }).click();
  const dock = chair.page.getByTestId('lobby-dock');
  await expect(dock).toContainText('Nobody is asking to join yet');
  await expect(dock).toContainText(/Join code [A-Z2-9]{5}-[A-Z2-9]{5} is on the wall until/);
  await chair.board.closeInvitePanel();

  // The wall: a large QR code and the short address, in type readable from the back of the room.
  const onWall = wall.page.getByTestId('wall-join');
  await expect(onWall).toBeVisible({ timeout: SLOW });
  const qr = onWall.getByRole('img', { name: 'QR code to ask to join this meeting' });
  await expect(qr).toHaveAttribute('data-ready', 'true');
  const q = await box(qr);
  expect(Math.round(q.width)).toBe(Math.round(q.height));
  expect(q.width).toBeGreaterThanOrEqual(300);
  const url = onWall.locator('[data-join-url]');
  for (const part of [url, onWall.getByText('Scan with your phone camera'), onWall.locator('h2')]) {
    expect(await fontPx(part)).toBeGreaterThanOrEqual(24);
    const b = await box(part);
    // Whole on the wall: nothing cut off at the edges.
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(WALL.width);
    expect(b.y + b.height).toBeLessThanOrEqual(WALL.height);
  }
  expect(q.x + q.width).toBeLessThanOrEqual(WALL.width);
  expect(q.y + q.height).toBeLessThanOrEqual(WALL.height);
  // The QR code and the words beside it do not overlap.
  const u = await box(url);
  expect(u.x >= q.x + q.width || u.y >= q.y + q.height).toBe(true);
  const address = String(await url.getAttribute('data-join-url'));
  expect(address).toMatch(/\/ask#[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  // The short address on the wall is the same address, without the scheme.
  expect(address.endsWith(String(await url.textContent()))).toBe(true);
  await shot(wall.page, testInfo, 'wall-join-code-1920x1080');

  // A phone opens what the QR code encodes, gives a name, and waits: nothing of the board on it.
  const phone = await askOnPhone(openParticipant, 'phone', address, 'Nan', 'Grandma', async ({ page }) => {
    // Nothing of the board before asking either; the form's button is a thumb-sized target.
    expect(await page.locator('body').textContent()).not.toContain('Case 9801');
    const ask = await box(page.getByRole('button', { name: 'Ask to join' }));
    expect(ask.height).toBeGreaterThanOrEqual(44);
    expect(ask.x + ask.width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, testInfo, 'phone-ask-form-390x844');
    expect(await seriousViolations(page, testInfo, 'ask-form')).toEqual([]);
  });
  await expect(phone.page.getByTestId('ask-waiting')).toContainText('Please wait');
  expect(await phone.page.locator('body').textContent()).not.toContain('Case 9801');
  expect(await phone.page.evaluate(() => document.cookie)).toBe('');
  await shot(phone.page, testInfo, 'phone-waiting-390x844');
  expect(await seriousViolations(phone.page, testInfo, 'ask-waiting')).toEqual([]);

  // The facilitator sees who asks, and lets them in as family.
  await expect(dock).toContainText('1 person asking to join', { timeout: SLOW });
  const person = dock.getByTestId('lobby-person');
  await expect(person).toContainText('Nan – Grandma');
  const roleChoice = person.getByLabel('Let in as');
  const offered = await roleChoice
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(offered).toEqual(['family', 'network', 'viewer']);
  await roleChoice.selectOption('family');
  for (const button of [
    person.getByRole('button', { name: 'Let in Nan' }),
    person.getByRole('button', { name: 'Decline Nan' }),
  ]) {
    const b = await box(button);
    expect(b.height).toBeGreaterThanOrEqual(44);
  }
  // The desk sits inside the laptop's screen.
  const d = await box(dock);
  expect(d.x + d.width).toBeLessThanOrEqual(LAPTOP.width);
  expect(d.y + d.height).toBeLessThanOrEqual(LAPTOP.height);
  await shot(chair.page, testInfo, 'laptop-lobby-1400x900');
  expect(await seriousViolations(chair.page, testInfo, 'lobby-dock')).toEqual([]);
  await person.getByRole('button', { name: 'Let in Nan' }).click();
  await expect(dock).toContainText('Nobody is asking to join yet');

  // The phone opens the board as a family member.
  await phone.page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/, { timeout: SLOW });
  await synced(phone);
  await expect(phone.page.locator('.board-header')).toContainText('Case 9801');
  await shot(phone.page, testInfo, 'phone-admitted-390x844');

  // Someone else is declined, and told so in plain words.
  const stranger = await askOnPhone(openParticipant, 'stranger', address, 'Stranger');
  await expect(dock).toContainText('1 person asking to join', { timeout: SLOW });
  await dock.getByRole('button', { name: 'Decline Stranger' }).click();
  await expect(stranger.page.getByTestId('ask-over')).toContainText('The facilitator did not let you in', {
    timeout: SLOW,
  });
  await shot(stranger.page, testInfo, 'phone-declined-390x844');

  // Hiding the code takes it off the wall; the code no longer asks anything.
  await dock.getByRole('button', { name: 'Hide the code' }).click();
  await expect(onWall).toHaveCount(0, { timeout: SLOW });
  await expect(dock).toHaveCount(0);
  await shot(wall.page, testInfo, 'wall-after-hide-1920x1080');
});
