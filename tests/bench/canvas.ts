import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FrameSummary, medianSummary } from './canvasFrames.js';
import { type CanvasResult, runCanvas } from './canvasScenario.js';

/**
 * The canvas benchmark (not a test): 2,000 cards in headless Chromium against the real built server;
 * frame times while panning and while a second client edits. Env: BENCH_RUNS (3), BENCH_CARDS (2000),
 * BENCH_MEASURE_MS (5000), BENCH_EDITS_PER_S (10).
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

const results: CanvasResult[] = [];
for (let run = 0; run < runs; run++) {
  const dataDir = await mkdtemp(join(tmpdir(), 'kinmap-canvas-bench-'));
  try {
    const result = await runCanvas(dataDir, params);
    results.push(result);
    console.log(`run ${run + 1}: ${JSON.stringify(result)}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
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
