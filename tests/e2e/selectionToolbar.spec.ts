import { expect, type Page, type TestInfo } from '@playwright/test';
import { boardFileWith } from './boardFile.js';
import type { E2ERect } from './bridge.js';
import { type Participant, test } from './fixtures.js';
import { MapPage } from './pages/MapPage.js';

/**
 * The chosen card's toolbar on a dense board (issue 13, item 4): beside the card, never over it,
 * and over no other card wherever a spot beside the card is free (map/toolbarPlacement.ts). On a
 * phone the card's actions are in the bottom bar, below the board: they cover no card at all.
 */

test.slow();

const CARDS = 30;
/** What toolbarPlacement keeps: the gap to the card, the margin to the board area's edges, the side shared. */
const GAP = 8;
const MARGIN = 4;
const SHARED = 24;
/** Rounding of the toolbar's CSS position and the stage's transform: under a pixel is not "covering". */
const SLACK = 1;

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Whether two boxes share more than a rounding pixel in both directions. */
function covers(a: E2ERect, b: E2ERect): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > SLACK && h > SLACK;
}

/** The part of `r` inside `area`, or null when none is. */
function clip(r: E2ERect, area: E2ERect): E2ERect | null {
  const x = Math.max(r.x, area.x);
  const y = Math.max(r.y, area.y);
  const right = Math.min(r.x + r.width, area.x + area.width);
  const bottom = Math.min(r.y + r.height, area.y + area.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * The test's own oracle, independent of the app's placement: a 1 px scan of every spot beside the
 * card (at the gap from one of its sides, sharing at least 24 px of it, inside the board area) for
 * one that covers no other card on screen.
 */
function freeSpotBeside(
  card: E2ERect,
  bar: { width: number; height: number },
  others: E2ERect[],
  area: E2ERect,
) {
  const spots: E2ERect[] = [];
  const box = (x: number, y: number) => ({ x, y, width: bar.width, height: bar.height });
  for (let x = card.x - bar.width + SHARED; x <= card.x + card.width - SHARED; x++)
    spots.push(box(x, card.y - GAP - bar.height), box(x, card.y + card.height + GAP));
  for (let y = card.y - bar.height + SHARED; y <= card.y + card.height - SHARED; y++)
    spots.push(box(card.x + card.width + GAP, y), box(card.x - GAP - bar.width, y));
  const inArea = (s: E2ERect) =>
    s.x >= area.x + MARGIN &&
    s.y >= area.y + MARGIN &&
    s.x + s.width <= area.x + area.width - MARGIN &&
    s.y + s.height <= area.y + area.height - MARGIN;
  // Strictly free, with a pixel to spare, so the oracle never asks for a spot the app cannot round to.
  const grow = (s: E2ERect) => ({ x: s.x - 2, y: s.y - 2, width: s.width + 4, height: s.height + 4 });
  return spots.some((s) => inArea(s) && others.every((o) => !covers(grow(s), o)));
}

/** Every card's rectangle on screen, clipped to the board area (cards out of view are left out). */
async function cardsOnScreen(map: MapPage, area: E2ERect): Promise<Map<string, E2ERect>> {
  const rects = await map.page.evaluate(() => {
    const k = window.__kinmap;
    const state = k?.state();
    if (!k || !state) return [];
    return Object.keys(state.cards).map((id) => [id, k.cardRect(id)] as const);
  });
  const out = new Map<string, E2ERect>();
  for (const [id, r] of rects) {
    const seen = r ? clip(r, area) : null;
    if (seen) out.set(id, seen);
  }
  return out;
}

/** The toolbar's box once it has stopped moving (it follows the card once a frame). */
async function settledBox(page: Page): Promise<E2ERect> {
  const bar = page.getByRole('toolbar', { name: 'Chosen card' });
  await expect(bar).toHaveAttribute('data-placed', 'yes');
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await bar.boundingBox());
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  const box = await bar.boundingBox();
  if (!box) throw new Error('no toolbar');
  return box;
}

async function importedBoard(person: Participant): Promise<MapPage> {
  await person.landing.goto();
  const signIn = person.page.getByRole('button', { name: 'Sign in' });
  const file = person.page.getByLabel('Board data file');
  await expect(file.or(signIn)).toBeVisible();
  if (await signIn.isVisible()) await person.landing.signIn();
  await person.landing.importBoard('board.json', boardFileWith(CARDS));
  await person.page.waitForURL((url) => /^\/b\/[A-Za-z0-9_-]+$/.test(url.pathname));
  await person.board.waitUntilSynced();
  await expect
    .poll(() => person.page.evaluate(() => Object.keys(window.__kinmap?.state()?.cards ?? {}).length), {
      timeout: 60_000,
    })
    .toBe(CARDS);
  return new MapPage(person.page);
}

for (const size of [
  { name: 'laptop', width: 1400, height: 900 },
  { name: 'wall', width: 1920, height: 1080 },
]) {
  test(`${size.name} ${size.width}x${size.height}: the chosen card's toolbar covers no other card where a spot beside it is free`, async ({
    openParticipant,
  }, testInfo) => {
    const facilitator = await openParticipant('facilitator', { viewport: size });
    const map = await importedBoard(facilitator);
    const page = map.page;
    const area = await page.locator('.board-scroll').boundingBox();
    if (!area) throw new Error('no board area');
    // Cards wholly in view at the start (the toolbar's job is the cards a person sees), at most
    // twelve, spread over the columns.
    const start = await cardsOnScreen(map, area);
    const whole = [...start].filter(([, r]) => r.height > 30).map(([id]) => id);
    expect(whole.length).toBeGreaterThan(6);
    const step = Math.max(1, Math.floor(whole.length / 12));
    const full = whole.filter((_, i) => i % step === 0);

    let free = 0;
    let avoided = 0;
    let chosen = 0;
    for (const id of full.slice(0, 12)) {
      await map.clickCard(id);
      const bar = await settledBox(page);
      // The board area as it is now: a chosen card's notes open below it and take some height.
      const now = await page.locator('.board-scroll').boundingBox();
      if (!now) throw new Error('no board area');
      Object.assign(area, now);
      const cards = await cardsOnScreen(map, area);
      const card = cards.get(id);
      if (!card) continue;
      chosen++;
      const others = [...cards].filter(([other]) => other !== id).map(([, r]) => r);
      // Never over the chosen card; always inside the board area.
      expect(covers(bar, card), `toolbar over its own card ${id}`).toBe(false);
      expect(bar.x).toBeGreaterThanOrEqual(area.x);
      expect(bar.y).toBeGreaterThanOrEqual(area.y);
      expect(bar.x + bar.width).toBeLessThanOrEqual(area.x + area.width + SLACK);
      expect(bar.y + bar.height).toBeLessThanOrEqual(area.y + area.height + SLACK);
      if (!freeSpotBeside(card, bar, others, area)) continue;
      free++;
      const under = others.filter((o) => covers(bar, o));
      expect(under, `toolbar of ${id} covers ${under.length} other card(s) though a spot is free`).toEqual(
        [],
      );
      // The old first choice (above the card, left edges aligned) would it have covered a neighbour?
      const plainX = Math.min(Math.max(card.x, area.x + MARGIN), area.x + area.width - bar.width - MARGIN);
      const plain = { x: plainX, y: card.y - GAP - bar.height, width: bar.width, height: bar.height };
      if (plain.y >= area.y + MARGIN && others.some((o) => covers(plain, o))) avoided++;
      if (avoided === 1 && free >= 1) await shot(page, testInfo, `${size.name}-toolbar-avoids-neighbour.png`);
    }
    console.log(
      `${size.name}: ${chosen} cards chosen, ${free} with a free spot, ${avoided} moved off a neighbour`,
    );
    expect(chosen).toBeGreaterThan(6);
    expect(free).toBeGreaterThan(0);
    // On a dense board the plain spot above often lies over the card above: the toolbar went elsewhere.
    expect(avoided).toBeGreaterThan(0);
    await shot(page, testInfo, `${size.name}-${size.width}x${size.height}-toolbar.png`);
  });
}

test('phone 390x844: the chosen card’s actions are in the bottom bar, below the board, over no card', async ({
  openParticipant,
}, testInfo) => {
  const facilitator = await openParticipant('facilitator');
  const laptop = await importedBoard(facilitator);
  const link = await laptop.shareLink('family');
  const phone = await openParticipant('Alex', { viewport: { width: 390, height: 844 }, touch: true });
  await phone.board.open(link);
  await phone.board.join('Alex');
  const map = new MapPage(phone.page);
  const page = map.page;
  const area = await page.locator('.board-scroll').boundingBox();
  if (!area) throw new Error('no board area');
  const cards = await cardsOnScreen(map, area);
  const [first, second] = [...cards.keys()];
  if (!first || !second) throw new Error('no cards in view on the phone');

  for (const id of [first, second]) {
    await map.clickCard(id);
    const bar = page.locator('.phone-bar');
    await expect(bar.getByRole('button', { name: 'I agree' })).toBeEnabled();
    // No floating toolbar on the phone: nothing lies over the board.
    await expect(page.getByRole('toolbar', { name: 'Chosen card' })).toHaveCount(0);
    const barBox = await bar.boundingBox();
    if (!barBox) throw new Error('no bottom bar');
    expect(barBox.y).toBeGreaterThanOrEqual(area.y + area.height - SLACK);
    for (const [other, r] of await cardsOnScreen(map, area))
      expect(covers(barBox, r), `the bottom bar covers card ${other}`).toBe(false);
  }
  await shot(page, testInfo, 'phone-390x844-chosen-card.png');
});
