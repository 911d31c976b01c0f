import { join } from 'node:path';
import { addCard, asParticipantId, CATEGORIES, editCardText, getCardText, readBoard } from '@kinmap/model';
import { createSqliteStore, DATABASE_FILE } from '@kinmap/server';
import { type Browser, chromium, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';
import { createBoard, signInStaff, startServerProcess, ticketSyncUrl } from '../support/serverProcess.js';
import { type FrameSummary, summariseFrames } from './canvasFrames.js';
import { sleep } from './stats.js';
import { WireClient } from './wireClient.js';

export interface CanvasParams {
  readonly cards: number;
  readonly measureMs: number;
  /** Edits per second from the second client during the editing phase. */
  readonly editsPerSecond: number;
}

export interface CanvasResult {
  readonly params: CanvasParams;
  readonly panning: FrameSummary;
  readonly editing: FrameSummary;
  /** Konva shapes in the stage while the board is open (culling shows here). */
  readonly konvaNodes: number;
  /** The cards in view were painted: at the start, after panning, and after the edits. */
  readonly drawn: {
    readonly atStart: DrawnCheck;
    readonly afterPanning: DrawnCheck;
    readonly afterEditing: DrawnCheck;
  };
  readonly editsApplied: number;
}

const actor = { participantId: asParticipantId('bench-author'), role: 'practitioner' } as const;
const WORDS = 'mum dad nan school worried safe drinks shouting visits plan calls keeps friend night'.split(
  ' ',
);

/** Card text of one to four lines, so card heights vary as on a real board. */
function cardText(i: number): string {
  const length = 3 + ((i * 7) % 28);
  return Array.from({ length }, (_, w) => WORDS[(i + w * 3) % WORDS.length]).join(' ');
}

/** Writes the cards straight into the server's own SQLite store (the server is stopped meanwhile). */
export async function seedCards(dataDir: string, boardId: string, cards: number): Promise<void> {
  const store = createSqliteStore({ file: join(dataDir, DATABASE_FILE) });
  const doc = new Y.Doc();
  for (const update of (await store.load(boardId)).updates) Y.applyUpdate(doc, update);
  const pending: Promise<number>[] = [];
  doc.on('update', (update: Uint8Array) => pending.push(store.append(boardId, update)));
  // One transaction, so one stored update: the server loads it in one piece, as after a compaction.
  doc.transact(() => {
    for (let i = 0; i < cards; i++) {
      const category = CATEGORIES[i % CATEGORIES.length] ?? 'harm';
      addCard(doc, actor, { category, text: cardText(i) });
    }
  });
  await Promise.all(pending);
  await store.close();
  doc.destroy();
}

/**
 * Records every animation frame's duration inside the page for `ms`, panning first in each frame
 * when asked (the panning moves the camera there, so each frame paints a new part of the board).
 */
// Kept as source text: tsx adds `__name` helpers to compiled functions, which the page does not have.
const RECORD_FRAMES = `(({ ms, pan }) => new Promise((resolve) => {
  const view = document.querySelector('.board-scroll');
  const box = view ? view.getBoundingClientRect() : null;
  const deltas = [];
  let last = 0;
  let start = 0;
  let dy = 9;
  let dx = 4;
  let lastY = null;
  const frame = (now) => {
    if (start === 0) start = now;
    else deltas.push(now - last);
    last = now;
    if (pan && view && box) {
      // Down and across with the wheel, as a trackpad does, bouncing where the camera stops
      // (the board's edges): a participant moving around the board.
      const camera = window.__kinmap && window.__kinmap.camera();
      if (camera && lastY !== null && Math.abs(camera.y - lastY) < 1e-6) { dy = -dy; dx = -dx; }
      lastY = camera ? camera.y : null;
      view.dispatchEvent(new WheelEvent('wheel', {
        deltaX: dx, deltaY: dy, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2,
        bubbles: true, cancelable: true,
      }));
    }
    if (now - start < ms) requestAnimationFrame(frame);
    else resolve(deltas);
  };
  requestAnimationFrame(frame);
}))`;

/**
 * Records every animation frame's duration inside the page for `ms`; with `pan`, each frame first
 * pans the board a little further, so every frame shows a new part of it.
 */
async function recordFrames(page: Page, ms: number, pan: boolean): Promise<number[]> {
  return page.evaluate(`${RECORD_FRAMES}(${JSON.stringify({ ms, pan })})`) as Promise<number[]>;
}

/** What the canvas really painted: the cards in view, and how many of them have paint at their centre. */
export interface DrawnCheck {
  /** Cards wholly inside the board's area on screen (from the layout, through the test bridge). */
  readonly inView: number;
  /** Of those, the ones whose centre pixel on the cards layer is opaque (painted, not blank). */
  readonly painted: number;
  /** Card groups on the stage (culling leaves the rest out). */
  readonly drawnNodes: number;
}

// Source text for the same reason as RECORD_FRAMES.
const CHECK_DRAWN = `(() => {
  const k = window.__kinmap;
  const konva = window.Konva;
  const view = k && k.viewRect();
  const state = k && k.state();
  const layer = konva && konva.stages[0] && konva.stages[0].getLayers()[1];
  if (!k || !view || !state || !layer) return { inView: 0, painted: 0, drawnNodes: 0 };
  const canvas = layer.getCanvas();
  const el = canvas._canvas;
  const ratio = canvas.getPixelRatio();
  const box = el.getBoundingClientRect();
  const ctx = el.getContext('2d');
  let inView = 0;
  let painted = 0;
  for (const id of Object.keys(state.cards)) {
    const r = k.cardRect(id);
    if (!r || r.x < view.x || r.y < view.y || r.x + r.width > view.x + view.width || r.y + r.height > view.y + view.height) continue;
    inView++;
    const x = Math.round((r.x + r.width / 2 - box.left) * ratio);
    const y = Math.round((r.y + r.height / 2 - box.top) * ratio);
    if (ctx && ctx.getImageData(x, y, 1, 1).data[3] === 255) painted++;
  }
  return { inView, painted, drawnNodes: k.drawnCards() };
})()`;

/** Checks that the cards in view are painted on the canvas; a blank canvas fails the run. */
async function checkDrawn(page: Page, when: string): Promise<DrawnCheck> {
  const check = (await page.evaluate(CHECK_DRAWN)) as DrawnCheck;
  if (check.inView === 0 || check.painted !== check.inView)
    throw new Error(
      `${when}: ${check.painted} of ${check.inView} cards in view painted: the canvas is not drawing`,
    );
  return check;
}

/** Pans back to the top-left of the board with the wheel (the editing phase watches the first card). */
async function panToTop(page: Page): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const camera = (await page.evaluate('(window.__kinmap && window.__kinmap.camera()) || null')) as {
      x: number;
      y: number;
    } | null;
    if (!camera || (camera.y <= 0 && camera.x <= 0)) return;
    await page.mouse.move(700, 500);
    await page.mouse.wheel(-5000, -20000);
    await sleep(30);
  }
}

/** Opens the board as its creator: the staff session cookie goes into the browser first. */
export async function openBoard(
  browser: Browser,
  link: string,
  cookie: string,
  cards: number,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const [name = '', value = ''] = cookie.split('=');
  await context.addCookies([{ name, value, url: new URL(link).origin }]);
  await context.addInitScript(() => {
    (window as unknown as { __kinmapEnableBridge: boolean }).__kinmapEnableBridge = true;
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(link);
  await page.waitForFunction(
    (n) => {
      const state = (
        window as unknown as { __kinmap?: { state(): { cards: object } | null } }
      ).__kinmap?.state();
      return (
        !!state && Object.keys(state.cards).length >= n && !!document.querySelector('.board-scroll canvas')
      );
    },
    cards,
    { timeout: 120_000 },
  );
  await sleep(1500);
  return page;
}

function konvaNodeCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const konva = (window as unknown as { Konva?: { stages: { find(s: string): unknown[] }[] } }).Konva;
    return konva?.stages[0]?.find('Shape').length ?? 0;
  });
}

/** One run: a fresh server and data directory, 2,000 cards, one browser, one editing client. */
export async function runCanvas(dataDir: string, params: CanvasParams): Promise<CanvasResult> {
  let server = await startServerProcess({ dataDir });
  const board = await createBoard(server, 'Canvas bench');
  await server.stop();
  await seedCards(dataDir, board.id, params.cards);
  server = await startServerProcess({ dataDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  // The second client is the staff member on another device: its own ticket, from the session kept across the restart.
  const editor = new WireClient({ url: await ticketSyncUrl(server, board.id, board), applyDoc: true });
  try {
    if (!server.staff) throw new Error('the canvas bench needs a staff account');
    const cookie = await signInStaff(server.url, server.staff);
    const page = await openBoard(browser, `${server.url}/b/${board.id}`, cookie, params.cards);
    const konvaNodes = await konvaNodeCount(page);
    const atStart = await checkDrawn(page, 'at the start');
    const panning = summariseFrames(await recordFrames(page, params.measureMs, true));
    const afterPanning = await checkDrawn(page, 'after panning');
    await panToTop(page);
    await editor.whenSynced();
    // The first card of the first section: in view at the top left, so its edits are drawn.
    const state = readBoard(editor.doc);
    const target = Object.values(state.cards)
      .filter((c) => c.category === CATEGORIES[0])
      .sort((a, b) => a.order - b.order)[0];
    if (!target) throw new Error('no card to edit');
    await sleep(500);
    let editsApplied = 0;
    const timer = setInterval(() => {
      const text = getCardText(editor.doc, target.id);
      const result = text
        ? editCardText(editor.doc, actor, target.id, { index: text.length, deleteCount: 0, insert: 'a' })
        : null;
      if (result?.ok) editsApplied++;
    }, 1000 / params.editsPerSecond);
    const editing = summariseFrames(await recordFrames(page, params.measureMs, false));
    clearInterval(timer);
    const afterEditing = await checkDrawn(page, 'after editing');
    return {
      params,
      panning,
      editing,
      konvaNodes,
      editsApplied,
      drawn: { atStart, afterPanning, afterEditing },
    };
  } finally {
    editor.close();
    await browser.close();
    await server.stop();
  }
}
