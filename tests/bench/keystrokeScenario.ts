import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES } from '@kinmap/model';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';
import { createBoard, signInStaff, startServerProcess } from '../support/serverProcess.js';
import { openBoard, seedCards } from './canvasScenario.js';
import { percentile, round, sleep } from './stats.js';

/**
 * Keystroke → painted, in this person's own card on the map, against a plain textarea on the same
 * page in the same run (a benchmark, not a test). Each key is a real key press (Playwright). Latency
 * runs from the keydown event's timestamp to the first animation frame after the change reached the
 * screen's drawing: for the card, after the Konva layer drew the card with the new text; for the
 * textarea, after its input event (the browser paints it in that frame).
 */

export interface LatencySummary {
  readonly keys: number;
  readonly p50: number;
  readonly p95: number;
}

export interface KeystrokeResult {
  readonly cards: number;
  /** The card on the canvas drawn with the new letter (what everyone else's screen draws too). */
  readonly card: LatencySummary;
  /** The card's editor (the text field over the card, what the typist sees) painted with the new letter. */
  readonly editor: LatencySummary;
  readonly textarea: LatencySummary;
  /** Whether the canvas element had a usable size (a stage beyond the browser's limit draws nothing). */
  readonly canvasDrawable: boolean;
}

function summary(samples: readonly number[]): LatencySummary {
  return { keys: samples.length, p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) };
}

// Kept as source text: tsx adds `__name` helpers to compiled functions, which the page does not have.
const INSTALL = `(() => {
  if (window.__benchKeys) return;
  // Konva draws from requestAnimationFrame (looked up at each call): mark when a frame's callbacks
  // run, so that a draw inside a frame counts as painted in that frame, and one outside waits a frame.
  let inFrame = false;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((time) => {
    const outer = inFrame;
    inFrame = true;
    try { callback(time); } finally { inFrame = outer; }
  });
  let pending = null;
  document.addEventListener('keydown', (event) => {
    if (pending && pending.down === null) pending.down = event.timeStamp;
  }, true);
  // The moment a change is in what the browser paints next: now, inside a frame's callbacks (the paint
  // follows them); otherwise at the next frame's callbacks.
  const painted = (down, done) => {
    if (inFrame) done(performance.now() - down);
    else raf(() => done(performance.now() - down));
  };
  window.__benchKeys = {
    armCard(cardId, expected) {
      const stage = window.Konva.stages[0];
      const group = stage.findOne((node) => node.id() === cardId);
      const layer = group.getLayer();
      const editor = document.querySelector('.card-editor');
      const p = { down: null };
      pending = p;
      let shown = null;
      let drawn = null;
      window.__benchResult = new Promise((resolve) => {
        const settle = () => {
          if (shown === null || drawn === null) return;
          pending = null;
          resolve({ canvas: drawn, editor: shown });
        };
        const onInput = () => {
          if (p.down === null || !editor.value.replace(/\\s/g, '').includes(expected)) return;
          editor.removeEventListener('input', onInput);
          raf(() => { shown = performance.now() - p.down; settle(); });
        };
        editor.addEventListener('input', onInput);
        const onDraw = () => {
          if (p.down === null) return;
          const node = stage.findOne((n) => n.id() === cardId);
          const text = node ? node.find('Text').map((t) => t.text()).join('').replace(/\\s/g, '') : '';
          if (!text.includes(expected)) return;
          layer.off('draw.benchKeys');
          painted(p.down, (ms) => { drawn = ms; settle(); });
        };
        layer.on('draw.benchKeys', onDraw);
      });
    },
    armTextarea(expected) {
      const el = document.getElementById('bench-plain');
      const p = { down: null };
      pending = p;
      window.__benchResult = new Promise((resolve) => {
        const onInput = () => {
          if (p.down === null || !el.value.endsWith(expected)) return;
          el.removeEventListener('input', onInput);
          raf(() => { pending = null; resolve(performance.now() - p.down); });
        };
        el.addEventListener('input', onInput);
      });
    },
  };
  const plain = document.createElement('textarea');
  plain.id = 'bench-plain';
  plain.setAttribute('aria-label', 'bench');
  plain.style.cssText = 'position:fixed;right:8px;bottom:8px;width:240px;height:80px;z-index:9999';
  document.body.appendChild(plain);
})()`;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

async function typeMeasured<T>(page: Page, keys: number, arm: (typed: string) => string): Promise<T[]> {
  const samples: T[] = [];
  let typed = '';
  for (let i = 0; i < keys; i++) {
    const key = LETTERS[i % LETTERS.length] ?? 'a';
    typed += key;
    // The last few letters identify this key's text (the card wraps; spaces are dropped when compared).
    await page.evaluate(arm(typed.slice(-12)));
    await page.keyboard.press(key);
    samples.push((await page.evaluate('window.__benchResult')) as T);
    await sleep(40);
  }
  return samples;
}

/** One board of `cards` cards: `keys` keys into the first harm card, then `keys` into the plain textarea. */
export async function runKeystrokes(cards: number, keys: number): Promise<KeystrokeResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kinmap-keys-bench-'));
  let server = await startServerProcess({ dataDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const board = await createBoard(server, 'Keystroke bench');
    await server.stop();
    await seedCards(dataDir, board.id, cards);
    server = await startServerProcess({ dataDir });
    if (!server.staff) throw new Error('the keystroke bench needs a staff account');
    const cookie = await signInStaff(server.url, server.staff);
    const page = await openBoard(browser, `${server.url}/b/${board.id}`, cookie, cards);
    await page.evaluate(INSTALL);
    const target = (await page.evaluate(`(() => {
      const cards = Object.values(window.__kinmap.state().cards).filter((c) => c.category === ${JSON.stringify(CATEGORIES[0])});
      cards.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
      const card = cards[0];
      return card ? { id: card.id, rect: window.__kinmap.cardRect(card.id) } : null;
    })()`)) as { id: string; rect: { x: number; y: number; width: number; height: number } | null } | null;
    if (!target?.rect) throw new Error('no card to type in');
    await page.mouse.dblclick(target.rect.x + target.rect.width / 2, target.rect.y + target.rect.height / 2);
    const editorOpen = () => document.activeElement?.classList.contains('card-editor') === true;
    const opened = await page.waitForFunction(editorOpen, undefined, { timeout: 20_000 }).then(
      () => true,
      () => false,
    );
    if (!opened) {
      // A stage beyond the browser's canvas size takes no pointer: choose the first card with the keyboard.
      await page.focus('.board-surface');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForFunction(editorOpen, undefined, { timeout: 60_000 });
      target.id = (await page.evaluate(`(() => {
        const box = document.activeElement.getBoundingClientRect();
        const near = (id) => { const r = window.__kinmap.cardRect(id); return r ? Math.abs(r.x - box.x) + Math.abs(r.y - box.y) : Infinity; };
        return Object.keys(window.__kinmap.state().cards).sort((a, b) => near(a) - near(b))[0];
      })()`)) as string;
    }
    await sleep(500);
    const canvasDrawable = (await page.evaluate(`(() => {
      const canvas = document.querySelector('.board-scroll canvas');
      const ctx = canvas && canvas.getContext('2d');
      return !!ctx && canvas.width * canvas.height <= 268435456 && canvas.height <= 65535 && canvas.width <= 65535;
    })()`)) as boolean;
    const id = JSON.stringify(target.id);
    // BENCH_KEYS_PROFILE=dir writes a Chrome CPU profile of the typing into the card (DevTools opens it).
    const profileDir = process.env.BENCH_KEYS_PROFILE;
    const cdp = profileDir ? await page.context().newCDPSession(page) : null;
    const traceFile = process.env.BENCH_KEYS_TRACE;
    if (traceFile)
      await browser.startTracing(page, {
        path: traceFile,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink',
          'cc',
          'gpu',
          'toplevel',
        ],
      });
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const card = await typeMeasured<{ canvas: number; editor: number }>(
      page,
      keys,
      (tail) => `window.__benchKeys.armCard(${id}, ${JSON.stringify(tail)})`,
    );
    if (traceFile) await browser.stopTracing();
    if (cdp && profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(join(profileDir, `keys-${cards}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    }
    await page.keyboard.press('Escape');
    await page.focus('#bench-plain');
    const textarea = await typeMeasured<number>(
      page,
      keys,
      (tail) => `window.__benchKeys.armTextarea(${JSON.stringify(tail)})`,
    );
    if (process.env.BENCH_KEYS_SAMPLES === '1')
      console.log(
        `keys ${cards}: canvas ${card.map((k) => Math.round(k.canvas)).join(' ')}; textarea ${textarea.map(Math.round).join(' ')}`,
      );
    return {
      cards,
      card: summary(card.map((k) => k.canvas)),
      editor: summary(card.map((k) => k.editor)),
      textarea: summary(textarea),
      canvasDrawable,
    };
  } finally {
    await browser.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
