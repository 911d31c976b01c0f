import { expect, type Page, type TestInfo } from '@playwright/test';
import { boardFileWith, WALL_CARD_TEXTS } from './boardFile.js';
import type { E2ERect } from './bridge.js';
import { type Participant, test } from './fixtures.js';
import { menuButton } from './pages/chrome.js';
import { MapPage } from './pages/MapPage.js';

/**
 * The map's camera: a canvas the size of the board's area, whatever the board's size; the board
 * laid out to the screen's shape; a phone showing one column at a time.
 */

/** Signs in on the start page, imports a board of `cards` cards and waits until its map has them all. */
async function importedBoard(
  person: Participant,
  cards: number,
  texts?: readonly string[],
): Promise<MapPage> {
  await person.landing.goto();
  const signIn = person.page.getByRole('button', { name: 'Sign in' });
  const file = person.page.getByLabel('Board data file');
  await expect(file.or(signIn)).toBeVisible();
  if (await signIn.isVisible()) await person.landing.signIn();
  await person.landing.importBoard('board.json', boardFileWith(cards, 'Imported board', texts));
  await person.page.waitForURL((url) => /^\/b\/[A-Za-z0-9_-]+$/.test(url.pathname));
  await person.board.waitUntilSynced();
  await expect
    .poll(() => person.page.evaluate(() => Object.keys(window.__kinmap?.state()?.cards ?? {}).length), {
      timeout: 60_000,
    })
    .toBe(cards);
  return new MapPage(person.page);
}

interface Picture {
  readonly view: E2ERect;
  readonly camera: { x: number; y: number; scale: number };
  readonly board: { width: number; height: number; stacked: boolean };
}

async function picture(page: Page): Promise<Picture> {
  const seen = await page.evaluate(() => {
    const k = window.__kinmap;
    return k ? { view: k.viewRect(), camera: k.camera(), board: k.boardSize() } : null;
  });
  if (!seen?.view || !seen.camera || !seen.board) throw new Error('no map on the page');
  return { view: seen.view, camera: seen.camera, board: seen.board };
}

/** The whole board's rectangle on the screen under the camera (client pixels). */
function boardOnScreen({ view, camera, board }: Picture): E2ERect {
  return {
    x: view.x - camera.x * camera.scale,
    y: view.y - camera.y * camera.scale,
    width: board.width * camera.scale,
    height: board.height * camera.scale,
  };
}

/** Cards whose rectangle lies wholly inside the board's area on screen. */
async function cardsWhollyInView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const k = window.__kinmap;
    const view = k?.viewRect();
    const state = k?.state();
    if (!k || !view || !state) return [];
    return Object.keys(state.cards).filter((id) => {
      const r = k.cardRect(id);
      return (
        !!r &&
        r.x >= view.x &&
        r.y >= view.y &&
        r.x + r.width <= view.x + view.width &&
        r.y + r.height <= view.y + view.height
      );
    });
  });
}

/**
 * The colour the canvas's cards layer has at a client point (RGBA), read from the layer's own
 * canvas: transparent where nothing is drawn, so a blank (too large) canvas reads as [0,0,0,0].
 */
async function cardPixel(page: Page, clientX: number, clientY: number): Promise<number[]> {
  return page.evaluate(
    ([x = 0, y = 0]) => {
      type KonvaLayer = { getCanvas(): { _canvas: HTMLCanvasElement; getPixelRatio(): number } };
      const konva = (window as unknown as { Konva?: { stages: { getLayers(): KonvaLayer[] }[] } }).Konva;
      const layer = konva?.stages[0]?.getLayers()[1];
      if (!layer) return [];
      const canvas = layer.getCanvas();
      const box = canvas._canvas.getBoundingClientRect();
      const ratio = canvas.getPixelRatio();
      const data = canvas._canvas
        .getContext('2d')
        ?.getImageData(Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1).data;
      return data ? [...data] : [];
    },
    [clientX, clientY],
  );
}

/** The median size of the cards' text on the screen, in CSS pixels (through the test bridge). */
async function medianCardTextPx(page: Page): Promise<number> {
  const sizes = await page.evaluate(() => {
    const k = window.__kinmap;
    const state = k?.state();
    if (!k || !state) return [];
    return Object.keys(state.cards).map((id) => k.cardTextPx(id) ?? 0);
  });
  const sorted = [...sizes].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error('no cards drawn');
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function attachShot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('a 2,000-card board draws: the canvas is the size of the screen, the cards on it are painted', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(240_000);
  const chair = await openParticipant('facilitator');
  const map = await importedBoard(chair, 2000);
  const seen = await picture(chair.page);
  // The canvas is the board's area, not the board: tens of thousands of pixels tall before.
  const canvasBox = await chair.page.locator('.board-scroll canvas').first().boundingBox();
  expect(canvasBox?.height).toBeLessThanOrEqual(seen.view.height + 1);
  expect(seen.board.height * seen.camera.scale).toBeGreaterThan(seen.view.height * 5);

  const inView = await cardsWhollyInView(chair.page);
  expect(inView.length).toBeGreaterThan(3);
  const drawn = await chair.page.evaluate(() => window.__kinmap?.drawnCards() ?? 0);
  // Only what the screen shows (and a margin) is drawn.
  expect(drawn).toBeGreaterThanOrEqual(inView.length);
  expect(drawn).toBeLessThan(2000);
  for (const id of inView.slice(0, 3)) {
    const r = await map.cardRect(id);
    if (!r) throw new Error('no card rect');
    // Opaque inside the card, transparent just beside it (the section around it is another layer).
    const [, , , alpha = 0] = await cardPixel(chair.page, r.x + r.width / 2, r.y + r.height / 2);
    expect(alpha, `card ${id} painted`).toBe(255);
    const [, , , beside = 255] = await cardPixel(chair.page, r.x - 4, r.y + r.height / 2);
    expect(beside).toBe(0);
    expect(await map.cardDrawnAtItsPlace(id)).toBe(id);
  }

  // Panned by the wheel far down the board: the cards there are drawn too.
  await chair.page.mouse.move(seen.view.x + seen.view.width / 2, seen.view.y + seen.view.height / 2);
  for (let i = 0; i < 10; i++) await chair.page.mouse.wheel(0, 4000);
  await expect.poll(async () => (await picture(chair.page)).camera.y).toBeGreaterThan(10_000);
  const later = await cardsWhollyInView(chair.page);
  expect(later.length).toBeGreaterThan(0);
  expect(later.filter((id) => inView.includes(id))).toEqual([]);
  const far = await map.cardRect(later[0] ?? '');
  if (!far) throw new Error('no card rect');
  const [, , , alpha = 0] = await cardPixel(chair.page, far.x + far.width / 2, far.y + far.height / 2);
  expect(alpha).toBe(255);
  await attachShot(chair.page, testInfo, 'big-board-laptop');
});

for (const [name, viewport, texts] of [
  ['laptop', { width: 1400, height: 900 }, undefined],
  ['wall', { width: 1920, height: 1080 }, WALL_CARD_TEXTS],
  ['wall, long cards,', { width: 1920, height: 1080 }, undefined],
] as const) {
  test(`Fit on a ${name} (${viewport.width}×${viewport.height}) shows the whole 30-card board and uses the screen`, async ({
    openParticipant,
  }, testInfo) => {
    const chair = await openParticipant('facilitator', { viewport });
    const map = await importedBoard(chair, 30, texts);
    await map.surface.focus();
    await chair.page.keyboard.press('0');
    const seen = await picture(chair.page);
    const board = boardOnScreen(seen);
    const { view } = seen;
    // Wholly in view…
    expect(board.x).toBeGreaterThanOrEqual(view.x - 1);
    expect(board.y).toBeGreaterThanOrEqual(view.y - 1);
    expect(board.x + board.width).toBeLessThanOrEqual(view.x + view.width + 1);
    expect(board.y + board.height).toBeLessThanOrEqual(view.y + view.height + 1);
    // …using >= 85 % of the width or the height, and most of the other too: the board was laid
    // out to the screen's shape (a fixed-width board left half of a wall empty).
    const across = board.width / view.width;
    const down = board.height / view.height;
    expect(Math.max(across, down)).toBeGreaterThanOrEqual(0.85);
    // (The other side: ~0.6 on a laptop while the bars above the map still take ~300 px.)
    expect(Math.min(across, down)).toBeGreaterThanOrEqual(0.55);
    expect((await cardsWhollyInView(chair.page)).length).toBe(30);
    // The card text as drawn (font size times the camera's scale), median over the 30 cards.
    const textPx = await medianCardTextPx(chair.page);
    testInfo.annotations.push({
      type: `${name} card text px at fit, 30 cards`,
      description: textPx.toFixed(1),
    });
    // A figure for docs/PERFORMANCE.md (a size, no card text).
    console.log(`${name} card text px at fit: ${textPx.toFixed(1)}`);
    // The wall's large-text layout (issue 13): sticky-note cards read at >= 24 CSS px; the long
    // test cards (3 to 30 words, ~80 characters) at about twice today's ~8 px.
    if (name === 'wall') expect(textPx).toBeGreaterThanOrEqual(24);
    if (name.startsWith('wall, long')) expect(textPx).toBeGreaterThanOrEqual(14);
    await attachShot(chair.page, testInfo, `fit-${name.replace(/\W+/g, '-')}`);

    // Zoom to a column: the column fills the view's width or height, not a heading at 300 %.
    await (await menuButton(chair.page, 'Working well')).click();
    const column = await picture(chair.page);
    expect(column.camera.scale).toBeLessThan(3);
    const section = await map.sectionRect('existingStrength');
    if (!section) throw new Error('no section');
    expect(section.x).toBeGreaterThanOrEqual(column.view.x);
    expect(section.x + section.width).toBeLessThanOrEqual(column.view.x + column.view.width);
    expect(section.y + section.height).toBeLessThanOrEqual(column.view.y + column.view.height);
  });
}

test('a phone shows one column at a time, with tabs and a swipe between them, the map taking the screen', async ({
  openParticipant,
}, testInfo) => {
  const viewport = { width: 390, height: 844 };
  const chair = await openParticipant('facilitator', { viewport, touch: true });
  const map = await importedBoard(chair, 30);
  const page = chair.page;
  const tabs = page.getByRole('tablist', { name: 'Show one part of the board' }).getByRole('tab');
  await expect(tabs).toHaveText(['Worries', 'Working well', 'Needs to happen', 'Goals']);
  for (const box of await Promise.all((await tabs.all()).map((t) => t.boundingBox())))
    expect(box?.height).toBeGreaterThanOrEqual(44);
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');

  const area = await page.locator('.board-scroll').boundingBox();
  if (!area) throw new Error('no board area');
  expect(area.height / viewport.height).toBeGreaterThanOrEqual(0.7);
  // Until the compact phone bars (another part of this work) land, the page scrolls to the map.
  await page.locator('.board-scroll').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await attachShot(page, testInfo, 'phone-worries');

  /** Which column's sections are on screen now. */
  const columnsShown = async () => {
    const view = (await picture(page)).view;
    const shown = new Set<string>();
    for (const [category, column] of [
      ['harm', 'worries'],
      ['existingStrength', 'workingWell'],
      ['nextStep', 'needsToHappen'],
    ] as const) {
      const r = await map.sectionRect(category);
      if (r && r.x < view.x + view.width && r.x + r.width > view.x) shown.add(column);
    }
    return [...shown];
  };
  expect(await columnsShown()).toEqual(['worries']);
  const harm = await map.sectionRect('harm');
  expect(harm?.width).toBeGreaterThan(viewport.width * 0.85);

  await tabs.nth(1).tap();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(columnsShown).toEqual(['workingWell']);
  await attachShot(page, testInfo, 'phone-working-well');

  // A swipe to the left on the board (on a section's heading, not a card) shows the next column.
  const view = (await picture(page)).view;
  const heading = await map.sectionRect('existingStrength');
  if (!heading) throw new Error('no section');
  await swipe(page, view.x + view.width * 0.8, view.x + view.width * 0.2, heading.y + 12);
  await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(columnsShown).toEqual(['needsToHappen']);

  // One tap on a section's add button opens the editor.
  const add = await map.reveal(() => page.evaluate(() => window.__kinmap?.addButtonRect('nextStep') ?? null));
  await page.touchscreen.tap(add.x + add.width / 2, add.y + add.height / 2);
  await expect(map.editor).toBeFocused();
});

/** One finger dragged across the board (touch pointer events, as a phone sends them). */
async function swipe(page: Page, fromX: number, toX: number, y: number): Promise<void> {
  const client = await page.context().newCDPSession(page);
  const point = (x: number) => [{ x, y, id: 1 }];
  await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(fromX) });
  for (let i = 1; i <= 6; i++)
    await client.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point(fromX + ((toX - fromX) * i) / 6),
    });
  await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await client.detach();
}
