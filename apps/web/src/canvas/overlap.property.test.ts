import {
  type BoardState,
  type CardId,
  type CardState,
  type Category,
  emptyBoardState,
  type PairId,
  type ParticipantId,
  type Role,
  type ScaleId,
} from '@kinmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCALE_GEOMETRY, SCALE_TEXT } from './analysis/scaleSlotLayout';
import { type BoardLayout, layoutBoard } from './boardLayout';
import { METRICS, type MeasureText, TEXT_STYLES, type TextStyle } from './boardMetrics';
import {
  type CardLayout,
  CHIP,
  cardTextWidth,
  HIGHLIGHT_TEXT,
  highlightTag,
  INITIALS_TEXT,
  PRESENCE_TEXT,
  presenceTag,
  QUOTE,
} from './cardLayout';
import type { Rect } from './geometry';
import { boardArb, evenMeasure, type Generated, unevenMeasure } from './randomBoards';

/**
 * The canvas layout is overlap-free, proven over random boards: long unbreakable words,
 * right-to-left text, emoji, many people on one scale point, many cards, empty sections, narrow and
 * wide screens. For every board: no two text boxes overlap, every text box stays inside its card,
 * section, row or slot, and every line fits the width it was given with the measure it was laid out
 * with (the fake one, and one where letters differ in width, as in a real font).
 */

interface TextBox {
  readonly what: string;
  readonly rect: Rect;
  /** The box this text must stay inside. */
  readonly within: Rect;
}

const EPS = 1e-6;

function boxesOverlap(a: Rect, b: Rect): boolean {
  return (
    a.x < b.x + b.width - EPS &&
    b.x < a.x + a.width - EPS &&
    a.y < b.y + b.height - EPS &&
    b.y < a.y + a.height - EPS
  );
}

function inside(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x - EPS &&
    inner.y >= outer.y - EPS &&
    inner.x + inner.width <= outer.x + outer.width + EPS &&
    inner.y + inner.height <= outer.y + outer.height + EPS
  );
}

const shift = (r: Rect, by: { x: number; y: number }): Rect => ({ ...r, x: r.x + by.x, y: r.y + by.y });

/** A block of lines laid out in `style`: as wide as its widest line, checked against `maxWidth`. */
function lineBlock(
  lines: readonly string[],
  x: number,
  y: number,
  style: TextStyle,
  maxWidth: number,
  measure: MeasureText,
  what: string,
): Rect {
  for (const line of lines) {
    // A single character wider than the line may stand alone (wrapText's documented exception).
    if (Array.from(line).length > 1 && measure(line, style) > maxWidth + EPS) {
      throw new Error(`${what}: a line is wider than its box (${measure(line, style)} > ${maxWidth})`);
    }
  }
  return { x, y, width: maxWidth, height: lines.length * style.lineHeight };
}

function cardBoxes(c: CardLayout, measure: MeasureText, watcher: string): TextBox[] {
  const at = { x: c.rect.x, y: c.rect.y };
  const textX = METRICS.stripeWidth + METRICS.cardPaddingX;
  const width = cardTextWidth(c.rect.width);
  const boxes: TextBox[] = [];
  const add = (what: string, rect: Rect) => boxes.push({ what: `${c.cardId} ${what}`, rect, within: c.rect });
  add('text', shift(lineBlock(c.lines, textX, c.textY, c.textStyle, width, measure, 'card text'), at));
  if (c.quoteIcon !== null) {
    const beside = c.quoteIcon.width + QUOTE.iconGap;
    const words = lineBlock(
      c.quoteLines,
      textX + beside,
      c.quoteY,
      QUOTE.text,
      width - beside,
      measure,
      'quote',
    );
    add('child icon', shift(c.quoteIcon, at));
    add('child’s words', shift(words, at));
  }
  if (c.metaLines.length > 0) {
    add(
      'notes',
      shift(lineBlock(c.metaLines, textX, c.metaY, TEXT_STYLES.cardMeta, width, measure, 'notes'), at),
    );
  }
  for (const chip of c.chips) {
    const style = chip.kind === 'author' ? INITIALS_TEXT : CHIP.text;
    if (chip.kind !== 'author' && measure(chip.text, style) > chip.textRect.width + EPS) {
      throw new Error(`${chip.kind} badge text is wider than its badge`);
    }
    add(`chip ${chip.kind}`, shift(chip.rect, at));
  }
  const tag = presenceTag(c, watcher, measure);
  if (tag) {
    if (measure(tag.text, PRESENCE_TEXT) > tag.textRect.width + EPS) throw new Error('name tag text is cut');
    add('name tag', shift(tag.rect, at));
  }
  return boxes;
}

function allBoxes(layout: BoardLayout, measure: MeasureText, watcher: string): TextBox[] {
  const boxes: TextBox[] = [];
  for (const column of layout.columns) {
    const pad = METRICS.columnPadding;
    const title = lineBlock(
      column.titleLines,
      column.rect.x + pad,
      column.rect.y + pad,
      column.titleStyle,
      column.rect.width - 2 * pad,
      measure,
      'column title',
    );
    boxes.push({ what: `${column.column} title`, rect: title, within: column.rect });
  }
  for (const section of layout.sections) {
    const pad = METRICS.sectionPadding;
    const inner = section.rect.width - 2 * pad;
    const x = section.rect.x + pad;
    const title = lineBlock(
      section.titleLines,
      x,
      section.rect.y + pad,
      section.titleStyle,
      inner,
      measure,
      'section title',
    );
    const prompt = lineBlock(
      section.promptLines,
      x,
      title.y + title.height,
      section.promptStyle,
      inner,
      measure,
      'prompt',
    );
    boxes.push({ what: `${section.category} title`, rect: title, within: section.rect });
    boxes.push({ what: `${section.category} prompt`, rect: prompt, within: section.rect });
    if (section.noteLines.length > 0) {
      const note = lineBlock(
        section.noteLines,
        x,
        section.noteY,
        section.promptStyle,
        inner,
        measure,
        'note',
      );
      boxes.push({ what: `${section.category} note`, rect: note, within: section.rect });
    }
    boxes.push({ what: `${section.category} add`, rect: section.addButton, within: section.rect });
    for (const id of section.cardIds) {
      const c = layout.cards[id];
      if (!c) throw new Error('a section names a card that is not laid out');
      expect(inside(section.rect, c.rect), `${id} inside its section`).toBe(true);
      boxes.push(...cardBoxes(c, measure, watcher));
    }
  }
  const band = layout.analysis.rect;
  const pad = METRICS.columnPadding;
  const header = lineBlock(
    [...layout.analysis.titleLines],
    band.x + pad,
    band.y + pad,
    TEXT_STYLES.columnTitle,
    band.width - 2 * pad,
    measure,
    'analysis title',
  );
  boxes.push({ what: 'analysis title', rect: header, within: band });
  for (const row of layout.analysis.rows) {
    expect(inside(band, row.rect), 'row inside the band').toBe(true);
    const slot = row.scaleSlot;
    expect(inside(row.rect, slot), 'scale slot inside its row').toBe(true);
    const s = row.scale;
    const at = { x: slot.x, y: slot.y };
    const inner = slot.width - 2 * SCALE_GEOMETRY.paddingX;
    const scaleBox = (what: string, rect: Rect) =>
      boxes.push({ what: `${row.pairId} scale ${what}`, rect: shift(rect, at), within: slot });
    scaleBox(
      'heading',
      lineBlock(
        s.headingLines,
        SCALE_GEOMETRY.paddingX,
        s.headingY,
        SCALE_TEXT.heading,
        inner,
        measure,
        'scale heading',
      ),
    );
    for (const n of s.numbers) scaleBox(`number ${n.value}`, n.box);
    for (const m of s.markers) scaleBox(`marker ${m.participantId}`, m.box);
    scaleBox(
      'anchor 0',
      lineBlock(
        s.anchor0.lines,
        s.anchor0.box.x,
        s.anchor0.box.y,
        SCALE_TEXT.small,
        s.anchor0.box.width,
        measure,
        'anchor',
      ),
    );
    scaleBox(
      'anchor 10',
      lineBlock(
        s.anchor10.lines,
        s.anchor10.box.x,
        s.anchor10.box.y,
        SCALE_TEXT.small,
        s.anchor10.box.width,
        measure,
        'anchor',
      ),
    );
    if (s.statusLines.length > 0) {
      scaleBox(
        'status',
        lineBlock(
          s.statusLines,
          SCALE_GEOMETRY.paddingX,
          s.statusY,
          SCALE_TEXT.status,
          inner,
          measure,
          'status',
        ),
      );
    }
    for (const id of [row.dangerStatementId, row.safetyGoalId]) {
      const c = id ? layout.cards[id] : undefined;
      if (!c) continue;
      expect(inside(row.rect, c.rect), `${id} inside its row`).toBe(true);
      boxes.push(...cardBoxes(c, measure, watcher));
    }
  }
  return boxes;
}

function checkLayout(generated: Generated, measure: MeasureText): void {
  const layout = layoutBoard(
    generated.board,
    { width: generated.width, height: 800 },
    measure,
    generated.choice ?? undefined,
  );
  const boxes = allBoxes(layout, measure, generated.watcher);
  for (const box of boxes) {
    if (!inside(box.within, box.rect)) throw new Error(`${box.what} sticks out of its container`);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as TextBox;
      const b = boxes[j] as TextBox;
      if (boxesOverlap(a.rect, b.rect)) throw new Error(`${a.what} overlaps ${b.what}`);
    }
  }
  const cards = Object.values(layout.cards);
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const a = cards[i] as CardLayout;
      const b = cards[j] as CardLayout;
      if (boxesOverlap(a.rect, b.rect)) throw new Error(`${a.cardId} overlaps ${b.cardId}`);
    }
    // A compared card's "New" / "Changed" / "Removed" tag: whole word, over no other text.
    const card = cards[i] as CardLayout;
    const tag = highlightTag('Removed', card.rect.width, measure);
    if (measure(tag.text, HIGHLIGHT_TEXT) > tag.textRect.width + EPS) throw new Error('highlight word cut');
    const tagBox = shift(tag.textRect, card.rect);
    for (const box of boxes) {
      if (boxesOverlap(tagBox, box.rect))
        throw new Error(`${card.cardId} highlight tag overlaps ${box.what}`);
    }
  }
}

describe('the canvas layout is overlap-free', () => {
  it('over random boards, with an even measure', () => {
    fc.assert(
      fc.property(boardArb, (g) => checkLayout(g, evenMeasure)),
      { numRuns: 120 },
    );
  }, 120_000);

  it('over random boards, with a measure whose letters differ in width', () => {
    fc.assert(
      fc.property(boardArb, (g) => checkLayout(g, unevenMeasure)),
      { numRuns: 120 },
    );
  }, 120_000);

  it('keeps fourteen people on one scale point and on neighbouring points apart, on a phone', () => {
    const people = Array.from({ length: 14 }, (_, i) => ({ name: `Person ${i}`, role: 'family' as Role }));
    const participants = Object.fromEntries(
      people.map((p, i) => [
        `p${i}`,
        { id: `p${i}` as ParticipantId, displayName: p.name, role: p.role, joinedAt: i },
      ]),
    );
    const base: BoardState = { ...emptyBoardState('Case'), participants };
    const cards: Record<string, CardState> = {
      d: mkCard('d', 'dangerStatement', 'pair' as PairId),
      g: mkCard('g', 'safetyGoal', 'pair' as PairId),
    };
    const values = [5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 4, 4, 4];
    const board: BoardState = {
      ...base,
      cards,
      pairs: {
        pair: {
          id: 'pair' as PairId,
          dangerStatementId: 'd' as CardId,
          safetyGoalId: 'g' as CardId,
          createdAt: 0,
        },
      },
      scales: {
        pair: {
          id: 'pair' as ScaleId,
          mode: 'revealed',
          ratings: Object.fromEntries(values.map((value, i) => [`p${i}`, { value, reason: '', at: i }])),
          scored: [],
        },
      },
    };
    for (const width of [320, 390, 1400, 1920]) {
      checkLayout({ board, width, watcher: 'Someone' }, unevenMeasure);
      const row = layoutBoard(board, { width, height: 800 }, unevenMeasure).analysis.rows[0];
      // Everyone is drawn or counted in the status line.
      const drawn = row?.scale.markers.length ?? 0;
      expect(drawn).toBeGreaterThan(0);
      if (drawn < values.length) expect(row?.scale.statusLines.join(' ')).toMatch(/more at/);
    }
  });
});

function mkCard(id: string, category: Category, pairId: PairId | null): CardState {
  return {
    id: id as CardId,
    category,
    text: 'A worry',
    authorId: 'p0' as ParticipantId,
    authorRole: 'family',
    createdAt: 0,
    updatedAt: 0,
    order: 0,
    professionalsOnly: false,
    marks: {},
    pairId,
  };
}
