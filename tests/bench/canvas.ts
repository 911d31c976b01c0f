import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FrameSummary, medianSummary } from './canvasFrames.js';
import { type CanvasResult, runCanvas } from './canvasScenario.js';
import { type KeystrokeResult, runKeystrokes } from './keystrokeScenario.js';
import { percentile } from './stats.js';

/**
 * The canvas benchmark (not a test): 2,000 cards in headless Chromium against the real built server;
 * frame times while panning and while a second client edits. Env: BENCH_RUNS (3), BENCH_CARDS (2000),
 * BENCH_MEASURE_MS (5000), BENCH_EDITS_PER_S (10). Then keystroke → painted in one's own card on a 30-card
 * and a BENCH_CARDS board against a plain textarea on the same page (keystrokeScenario.ts): BENCH_KEYS
 * (40 keys each); BENCH_KEYS_ONLY=1 skips the frame runs; BENCH_KEY_BOARDS (30,BENCH_CARDS) the board
 * sizes typed into; BENCH_KEYS_PROFILE=dir writes a CPU profile of the typing, BENCH_KEYS_TRACE=file a
 * Chrome trace of it, BENCH_KEYS_SAMPLES=1 prints every key's latency.
 */
const runs = Number(process.env.BENCH_RUNS ?? 3);
const params = {
  cards: Number(process.env.BENCH_CARDS ?? 2000),
  measureMs: Number(process.env.BENCH_MEASURE_MS ?? 5000),
  editsPerSecond: Number(process.env.BENCH_EDITS_PER_S ?? 10),
};

function line(name: string, all: readonly FrameSummary[]): string {
  const m = medianSummary(all);
  const each = (key: keyof FrameSummary) => all.map((r) => r[key]).join(', ');
  return [
    `${name}: p50 ${m.p50} ms [${each('p50')}], p95 ${m.p95} ms [${each('p95')}],`,
    `  p99 ${m.p99} ms [${each('p99')}], dropped ${(m.droppedShare * 100).toFixed(1)} % [${each('droppedShare')}],`,
    `  frames ${m.frames} [${each('frames')}]`,
  ].join('\n');
}

const keysOnly = process.env.BENCH_KEYS_ONLY === '1';
const results: CanvasResult[] = [];
for (let run = 0; run < (keysOnly ? 0 : runs); run++) {
  const dataDir = await mkdtemp(join(tmpdir(), 'kinmap-canvas-bench-'));
  try {
    const result = await runCanvas(dataDir, params);
    results.push(result);
    console.log(`run ${run + 1}: ${JSON.stringify(result)}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
if (!keysOnly) {
  console.log(
    `\n${params.cards} cards, ${runs} runs, medians (each run in brackets); headless Chromium, software rendering`,
  );
  console.log(
    line(
      'panning',
      results.map((r) => r.panning),
    ),
  );
  console.log(
    line(
      `editing (${params.editsPerSecond}/s)`,
      results.map((r) => r.editing),
    ),
  );
  console.log(`Konva shapes in the stage: ${results.map((r) => r.konvaNodes).join(', ')}`);
  console.log(`edits applied: ${results.map((r) => r.editsApplied).join(', ')}`);
  console.log(
    `cards in view painted (start / after panning / after editing): ${results
      .map((r) =>
        [r.drawn.atStart, r.drawn.afterPanning, r.drawn.afterEditing]
          .map((d) => `${d.painted}/${d.inView}`)
          .join(' '),
      )
      .join(', ')}; card nodes drawn: ${results.map((r) => r.drawn.atStart.drawnNodes).join(', ')}`,
  );
}

const keys = Number(process.env.BENCH_KEYS ?? 40);
const median = (values: readonly number[]) => Math.round(percentile(values, 50) * 10) / 10;
// BENCH_KEY_BOARDS=2000 times one board size only.
const keyBoards = (process.env.BENCH_KEY_BOARDS ?? `30,${params.cards}`).split(',').map(Number);
for (const cards of keyBoards) {
  const keyRuns: KeystrokeResult[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await runKeystrokes(cards, keys);
    keyRuns.push(result);
    console.log(`keys run ${run + 1}: ${JSON.stringify(result)}`);
  }
  const card = { p50: median(keyRuns.map((r) => r.card.p50)), p95: median(keyRuns.map((r) => r.card.p95)) };
  const editor = {
    p50: median(keyRuns.map((r) => r.editor.p50)),
    p95: median(keyRuns.map((r) => r.editor.p95)),
  };
  const plain = {
    p50: median(keyRuns.map((r) => r.textarea.p50)),
    p95: median(keyRuns.map((r) => r.textarea.p95)),
  };
  console.log(
    [
      `keystroke → painted, ${cards} cards, ${runs} runs of ${keys} keys, medians:`,
      `  own card on the canvas  p50 ${card.p50} ms, p95 ${card.p95} ms`,
      `  own card's editor       p50 ${editor.p50} ms, p95 ${editor.p95} ms`,
      `  textarea  p50 ${plain.p50} ms, p95 ${plain.p95} ms`,
      `  ratio (canvas)  p50 ${(card.p50 / plain.p50).toFixed(2)}×, p95 ${(card.p95 / plain.p95).toFixed(2)}×`,
      `  ratio (editor)  p50 ${(editor.p50 / plain.p50).toFixed(2)}×, p95 ${(editor.p95 / plain.p95).toFixed(2)}×`,
      `  canvas drawable: ${keyRuns.map((r) => r.canvasDrawable).join(', ')}`,
    ].join('\n'),
  );
}
