/**
 * Layout cost of one edit on a 2,000-card board (not a test; `npx -y pnpm@12.4.2 bench:layout`).
 * Each round edits one card and lays the board out twice in the same conditions: with a fresh
 * measure function (every card wrapped again: what layout cost before wrapping was remembered)
 * and with the long-lived one the map keeps (only the edited card wrapped again). The measure
 * stands in for the canvas's measureText with its own width cache, like textMeasure.ts.
 * Report medians and their ratio from one run: the machine is shared and noisy.
 */
import { type BoardState, CATEGORIES, type CardId, emptyBoardState, type ParticipantId } from '@kinmap/model';
import { layoutBoard } from '../src/canvas/boardLayout';
import type { MeasureText } from '../src/canvas/boardMetrics';

const CARDS = 2_000;
const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
const ROUNDS = 60;

function canvasLikeMeasure(): MeasureText {
  const widths = new Map<string, number>();
  return (text, font) => {
    const key = `${font.size}${font.weight}${font.style}\u0000${text}`;
    const known = widths.get(key);
    if (known !== undefined) return known;
    if (widths.size > 20_000) widths.clear();
    let width = 0;
    for (let i = 0; i < text.length; i++) width += (((text.charCodeAt(i) % 7) + 5) * font.size) / 12;
    widths.set(key, width);
    return width;
  };
}

const WORDS = 'Nan takes Mia to school every day and Dad drinks at weekends when Mum works nights'.split(' ');

function bigBoard(): BoardState {
  const cards: Record<CardId, BoardState['cards'][CardId]> = {};
  for (let i = 0; i < CARDS; i++) {
    const words = Array.from({ length: 6 + (i % 20) }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]);
    const id = `c${i}` as CardId;
    cards[id] = {
      id,
      category: CATEGORIES[i % CATEGORIES.length] ?? 'harm',
      text: `${words.join(' ')} ${i}`,
      authorId: 'p1' as ParticipantId,
      authorRole: 'family',
      createdAt: 0,
      updatedAt: 0,
      order: i,
      professionalsOnly: false,
      marks: {},
      pairId: null,
    };
  }
  return { ...emptyBoardState('Bench'), cards } as unknown as BoardState;
}

const board = bigBoard();
const viewport = { width: 1400, height: 900 };
const kept = canvasLikeMeasure();
layoutBoard(board, viewport, kept);
const fresh: number[] = [];
const remembered: number[] = [];
const edited = board.cards['c5' as CardId];
if (!edited) throw new Error('no card to edit');
for (let round = 0; round < ROUNDS; round++) {
  const text = `${edited.text}${' more'.repeat(round + 1)}`;
  const next = { ...board, cards: { ...board.cards, [edited.id]: { ...edited, text } } };
  let started = performance.now();
  layoutBoard(next, viewport, canvasLikeMeasure());
  fresh.push(performance.now() - started);
  started = performance.now();
  layoutBoard(next, viewport, kept);
  remembered.push(performance.now() - started);
}
console.log(
  JSON.stringify({
    cards: CARDS,
    rounds: ROUNDS,
    everyCardWrappedMs: round(median(fresh)),
    editedCardWrappedMs: round(median(remembered)),
    ratio: round(median(fresh) / median(remembered), 1),
  }),
);
