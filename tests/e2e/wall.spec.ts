import type { Page } from '@playwright/test';
import type { E2ERect } from './bridge.js';
import { expect, type Participant, test } from './fixtures.js';
import { menuButton } from './pages/chrome.js';
import { MapPage } from './pages/MapPage.js';

/**
 * The meeting room's three screens (docs/SPEC.md [A4], issue 13): the wall shows exactly what the
 * facilitator frames (anchored on sections and cards, letterboxed, never cropped), the facilitator
 * sees what the wall shows, and follow / "bring everyone to me" work between a laptop, the wall
 * and a phone, whose layouts differ.
 */

/** The machine running the suite may be busy: generous waits, never a measurement. */
const SLOW = 60_000;

async function synced(person: Participant): Promise<void> {
  await expect.poll(() => person.board.status(), { timeout: SLOW }).toBe('synced');
}

const LAPTOP = { width: 1400, height: 900 };
const WALL = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

const SECTIONS = [
  'Harm',
  'Danger statements',
  'Complicating factors',
  'Existing strengths',
  'Existing safety',
  'Safety goals',
  'Next steps',
] as const;

/** Adds `count` cards spread over the sections (typed at once: the typing itself is tested elsewhere). */
async function addCards(map: MapPage, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const section = SECTIONS[i % SECTIONS.length] ?? 'Harm';
    await map.page.getByRole('combobox', { name: 'Section' }).selectOption({ label: section });
    await map.page.getByRole('button', { name: 'Add card' }).click();
    await expect(map.editor).toBeFocused();
    await map.editor.fill(
      `Card ${i + 1} in ${section.toLowerCase()}${i % 3 === 0 ? ', with a few more words to wrap' : ''}`,
    );
    await map.editor.press('Escape');
    await expect(map.editor).toBeHidden();
  }
  await expect.poll(async () => (await map.cards()).length).toBe(count);
}

async function boardArea(page: Page): Promise<E2ERect> {
  const area = await page.locator('.board-scroll').boundingBox();
  if (!area) throw new Error('no board area');
  // The scrollbars are not part of the view.
  const inner = await page.evaluate(() => {
    const el = document.querySelector('.board-scroll');
    return { width: el?.clientWidth ?? 0, height: el?.clientHeight ?? 0 };
  });
  return { x: area.x, y: area.y, width: inner.width, height: inner.height };
}

const whollyIn = (r: E2ERect, area: E2ERect, slack = 0.5) =>
  r.x >= area.x - slack &&
  r.y >= area.y - slack &&
  r.x + r.width <= area.x + area.width + slack &&
  r.y + r.height <= area.y + area.height + slack;

const partlyIn = (r: E2ERect, area: E2ERect) =>
  r.x < area.x + area.width &&
  r.y < area.y + area.height &&
  r.x + r.width > area.x &&
  r.y + r.height > area.y;

/** The ids of the cards this screen shows in full (card rectangles from the test bridge). */
async function cardsInFull(map: MapPage): Promise<string[]> {
  const area = await boardArea(map.page);
  const ids: string[] = [];
  for (const card of await map.cards()) {
    const r = await map.cardRect(card.id);
    if (r && whollyIn(r, area)) ids.push(card.id);
  }
  return ids.sort();
}

async function cardsPartlyShown(map: MapPage): Promise<string[]> {
  const area = await boardArea(map.page);
  const ids: string[] = [];
  for (const card of await map.cards()) {
    const r = await map.cardRect(card.id);
    if (r && partlyIn(r, area)) ids.push(card.id);
  }
  return ids.sort();
}

async function shoot(
  map: MapPage,
  name: string,
  testInfo: {
    outputPath: (n: string) => string;
    attach: (n: string, o: { path: string; contentType: string }) => Promise<void>;
  },
) {
  const path = testInfo.outputPath(`${name}.png`);
  await map.page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('the wall shows every card the facilitator sees in full, letterboxed; the facilitator sees it and can hold or send the wall', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(600_000);
  const facilitator = await openParticipant('facilitator', { viewport: LAPTOP });
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 1301');
  const chair = new MapPage(facilitator.page);
  await addCards(chair, 21);
  const wallPerson = await openParticipant('wall', { viewport: WALL });
  await wallPerson.board.open((await facilitator.board.shareLink('viewer')).replace('#', '?projector#'));
  await synced(wallPerson);
  const wall = new MapPage(wallPerson.page);
  await expect.poll(async () => (await wall.cards()).length, { timeout: SLOW }).toBe(21);

  // The facilitator zooms on the first column: every card they see in full is in full on the wall.
  // The board fits the laptop whole at about 100 %, so the column view shows everything: zoom in
  // until the facilitator frames only part of the board.
  await zoomOnColumn(chair, 'Worries');
  await chair.page.getByRole('button', { name: 'Zoom in' }).click();
  await chair.page.getByRole('button', { name: 'Zoom in' }).click();
  const framed = await cardsInFull(chair);
  expect(framed.length).toBeGreaterThan(1);
  expect(framed.length).toBeLessThan(21);
  await expect
    .poll(
      async () => {
        const shown = await cardsInFull(wall);
        return framed.filter((id) => !shown.includes(id));
      },
      { timeout: SLOW },
    )
    .toEqual([]);
  const wallArea = await boardArea(wall.page);
  expect(wallArea.width).toBeGreaterThan(1800);
  // The facilitator sees where the wall is: its outline over their own board.
  const outline = chair.page.getByTestId('wall-outline');
  await expect(outline).toBeVisible();
  await expect(outline).toContainText('On the wall');
  // The wall's state is in view, and the map's one row of tools still fits the laptop.
  await expect(chair.page.getByText('The wall shows your view')).toBeVisible();
  expect(await chair.page.locator('.map-bar').evaluate((bar) => bar.scrollWidth <= bar.clientWidth)).toBe(
    true,
  );
  await shoot(chair, 'laptop-1400x900-framing-first-column', testInfo);
  await shoot(wall, 'wall-1920x1080-first-column', testInfo);

  // Hold the wall: the facilitator looks at the whole board, the wall stays; "Send" moves it.
  const hold = chair.page.getByRole('button', { name: 'Hold the wall' });
  await hold.click();
  await expect(hold).toHaveAttribute('aria-pressed', 'true');
  await expect(chair.page.getByText('The wall is held')).toBeVisible();
  await chair.page.getByRole('button', { name: 'Fit board' }).click();
  await expect.poll(async () => (await cardsInFull(chair)).length, { timeout: SLOW }).toBe(21);
  await chair.page.waitForTimeout(1000);
  expect((await cardsInFull(wall)).length).toBeLessThan(21);
  await chair.page.getByRole('button', { name: 'Send this view to the wall' }).click();
  // The whole board on the wall, nothing cut at the top or the bottom.
  await expect.poll(async () => (await cardsInFull(wall)).length, { timeout: SLOW }).toBe(21);
  for (const category of ['harm', 'nextStep']) {
    const section = await wall.sectionRect(category);
    if (!section) throw new Error('section not drawn');
    expect(whollyIn(section, wallArea)).toBe(true);
  }
  // The wall's large-text layout (issue 13): the card text as drawn, median over the cards.
  const sizes = await wall.page.evaluate(() => {
    const k = window.__kinmap;
    return Object.keys(k?.state()?.cards ?? {}).map((id) => k?.cardTextPx(id) ?? 0);
  });
  const median = [...sizes].sort((a, b) => a - b)[sizes.length >> 1] ?? 0;
  testInfo.annotations.push({ type: 'wall card text px at fit, 21 cards', description: median.toFixed(1) });
  console.log(`wall card text px at fit, 21 cards: ${median.toFixed(1)}`);
  expect(median).toBeGreaterThanOrEqual(24);
  await shoot(wall, 'wall-1920x1080-fit-board', testInfo);
  await hold.click();
  await expect(hold).toHaveAttribute('aria-pressed', 'false');
});

/** The facilitator zooms on a column: the column button, then back out to where a few cards show whole. */
async function zoomOnColumn(map: MapPage, column: string): Promise<void> {
  // The column buttons are in the top bar's menu (chrome).
  await (await menuButton(map.page, column)).click();
  for (let i = 0; i < 4; i++) await map.page.getByRole('button', { name: 'Zoom out' }).click();
  await map.page.waitForTimeout(500);
}

test('follow and “bring everyone to me” between a laptop, the wall and a phone show the same cards', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(600_000);
  const facilitator = await openParticipant('facilitator', { viewport: LAPTOP });
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 1302');
  const chair = new MapPage(facilitator.page);
  await addCards(chair, 14);
  const phonePerson = await openParticipant('Alex', { viewport: PHONE, touch: true });
  await phonePerson.board.open(await facilitator.board.shareLink('family'));
  await phonePerson.board.join('Alex');
  await synced(phonePerson);
  const phone = new MapPage(phonePerson.page);
  const wallPerson = await openParticipant('wall', { viewport: WALL });
  await wallPerson.board.open((await facilitator.board.shareLink('viewer')).replace('#', '?projector#'));
  await synced(wallPerson);
  const wall = new MapPage(wallPerson.page);
  await expect.poll(async () => (await phone.cards()).length, { timeout: SLOW }).toBe(14);

  // The phone follows the facilitator (it could not before: its stacked layout is another shape).
  const followPicker = phone.page.getByRole('combobox', { name: 'Follow' });
  await followPicker.selectOption({ label: 'Sam Chair (Facilitator)' });
  // The facilitator frames a few cards of "Working well".
  await zoomOnColumn(chair, 'Working well');
  const framed = await cardsInFull(chair);
  expect(framed.length).toBeGreaterThan(0);
  // The wall shows every one of them in full.
  await expect
    .poll(
      async () => {
        const shown = await cardsInFull(wall);
        return framed.filter((id) => !shown.includes(id));
      },
      { timeout: SLOW },
    )
    .toEqual([]);
  // The phone is at the same cards: the first of them at least, at a size it can read.
  const first = await firstInReadingOrder(chair, framed);
  await expect
    .poll(async () => (await cardsPartlyShown(phone)).includes(first), { timeout: SLOW })
    .toBe(true);
  await shoot(phone, 'phone-390x844-following', testInfo);

  // The phone stops following; the facilitator moves on and brings everyone to their view.
  await followPicker.selectOption({ label: 'Nobody' });
  await zoomOnColumn(chair, 'Needs to happen');
  const summoned = await cardsInFull(chair);
  expect(summoned.length).toBeGreaterThan(0);
  await (await menuButton(chair.page, 'Bring everyone to me')).click();
  const lead = await firstInReadingOrder(chair, summoned);
  await expect.poll(async () => (await cardsPartlyShown(phone)).includes(lead), { timeout: SLOW }).toBe(true);
  // The phone says who moved it.
  await expect(
    phone.page.getByRole('status').filter({ hasText: 'Sam Chair brought everyone to their view.' }),
  ).toBeVisible();
  await expect
    .poll(
      async () => {
        const shown = await cardsInFull(wall);
        return summoned.filter((id) => !shown.includes(id));
      },
      { timeout: SLOW },
    )
    .toEqual([]);
  await shoot(phone, 'phone-390x844-brought', testInfo);
  await shoot(wall, 'wall-1920x1080-brought', testInfo);
  await shoot(chair, 'laptop-1400x900-brought', testInfo);
});

async function firstInReadingOrder(map: MapPage, ids: readonly string[]): Promise<string> {
  const rects: { id: string; r: E2ERect }[] = [];
  for (const id of ids) {
    const r = await map.cardRect(id);
    if (r) rects.push({ id, r });
  }
  rects.sort((a, b) => a.r.x - b.r.x || a.r.y - b.r.y);
  const first = rects[0];
  if (!first) throw new Error('no card');
  return first.id;
}
