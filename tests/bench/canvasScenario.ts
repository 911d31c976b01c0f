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
 * Records every animation frame's duration inside the page for `ms`, calling `step` once per frame
 * first (the panning moves the view there, so each frame paints a new part of the board).
 */
// Kept as source text: tsx adds `__name` helpers to compiled functions, which the page does not have.
const RECORD_FRAMES = `(({ ms, pan }) => new Promise((resolve) => {
  const scroller = document.querySelector('.board-scroll');
  const deltas = [];
  let last = 0;
  let start = 0;
  let dy = 9;
  let dx = 4;
  const frame = (now) => {
    if (start === 0) start = now;
    else deltas.push(now - last);
    last = now;
    if (pan && scroller) {
      // Down and across, bouncing at the edges: a participant dragging the view around.
      const maxY = scroller.scrollHeight - scroller.clientHeight;
      const maxX = scroller.scrollWidth - scroller.clientWidth;
      if (scroller.scrollTop + dy > maxY || scroller.scrollTop + dy < 0) dy = -dy;
      if (scroller.scrollLeft + dx > maxX || scroller.scrollLeft + dx < 0) dx = -dx;
      scroller.scrollTop += dy;
      scroller.scrollLeft += dx;
    }
    if (now - start < ms) requestAnimationFrame(frame);
    else resolve(deltas);
  };
  requestAnimationFrame(frame);
}))`;

/**
 * Records every animation frame's duration inside the page for `ms`; with `pan`, each frame first
 * scrolls the board a little further, so every frame shows a new part of it.
 */
async function recordFrames(page: Page, ms: number, pan: boolean): Promise<number[]> {
  return page.evaluate(`${RECORD_FRAMES}(${JSON.stringify({ ms, pan })})`) as Promise<number[]>;
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
    const panning = summariseFrames(await recordFrames(page, params.measureMs, true));
    await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.board-scroll');
      scroller?.scrollTo(0, 0);
    });
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
    return { params, panning, editing, konvaNodes, editsApplied };
  } finally {
    editor.close();
    await browser.close();
    await server.stop();
  }
}
