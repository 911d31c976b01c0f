import {
  type Actor,
  addCard,
  type BoardState,
  type CardId,
  type CardState,
  createBoardReader,
  editCardText,
  initBoard,
  type ParticipantId,
  setMark,
} from '@kinmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardLayout, chooseLayout, type LayoutChoice, layoutBoard } from './boardLayout';
import { boardArb, cardText, evenMeasure, unevenMeasure } from './randomBoards';
import { retypedLayout, samePlaces } from './typingLayout';

/**
 * The keystroke layout is the full layout: whenever `retypedLayout` answers, its answer equals
 * laying the changed board out from scratch (same screen, same layout choice and lanes), over random
 * boards, screens, wall layouts and edits; and it answers for a real keystroke read from a document.
 */

/** The choice a screen keeps while people type: lanes fixed by the first layout (`useBoardLayout`). */
function keptChoice(layout: BoardLayout, choice: LayoutChoice | null | undefined): LayoutChoice | number {
  return choice ? { ...choice, lanes: layout.lanes ?? undefined } : layout.width;
}

const editArb = fc.record({
  pick: fc.nat(),
  how: fc.oneof(
    fc.record({ kind: fc.constant('append' as const), text: fc.string({ minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('delete' as const), text: fc.constant('') }),
    fc.record({ kind: fc.constant('replace' as const), text: cardText }),
  ),
  at: fc.nat(),
});

function typed(card: CardState, how: { kind: string; text: string }, at: number): CardState {
  const text =
    how.kind === 'append' ? card.text + how.text : how.kind === 'delete' ? card.text.slice(0, -1) : how.text;
  // Staff typing in another's card stamp their `editedBy` entry: a new time, or a new name.
  const stamp = at % 3 === 0 ? null : at % 3 === 1 ? 'person-0' : `person-${at % 7}`;
  const editedBy = stamp === null ? card.editedBy : { ...card.editedBy, [stamp]: at };
  return { ...card, text, updatedAt: card.updatedAt + 1 + (at % 5), ...(editedBy ? { editedBy } : {}) };
}

describe('retypedLayout', () => {
  for (const [name, measure] of [
    ['even', evenMeasure],
    ['uneven', unevenMeasure],
  ] as const) {
    it(`equals a full layout of the typed board whenever it answers (${name} letters)`, () => {
      let answered = 0;
      let tried = 0;
      fc.assert(
        fc.property(boardArb, editArb, (g, edit) => {
          const ids = Object.keys(g.board.cards);
          if (ids.length === 0) return;
          const viewport = { width: g.width, height: 900 };
          const first = layoutBoard(g.board, viewport, measure, g.choice ?? undefined);
          const choice = keptChoice(first, g.choice);
          const before = layoutBoard(g.board, viewport, measure, choice);
          const id = ids[edit.pick % ids.length] as string;
          const card = g.board.cards[id] as CardState;
          const after: BoardState = {
            ...g.board,
            cards: { ...g.board.cards, [id]: typed(card, edit.how, edit.at) },
          };
          const quick = retypedLayout(before, g.board, after, measure);
          tried++;
          if (quick === null) return;
          answered++;
          expect(quick).toEqual(layoutBoard(after, viewport, measure, choice));
        }),
        { numRuns: 300 },
      );
      // Many edits keep the card's line count and its editors: the fast path is taken, not only declined.
      expect(answered).toBeGreaterThan(tried / 5);
    });
  }

  it('declines when anything but one card’s text changed', () => {
    fc.assert(
      fc.property(boardArb, fc.nat(), (g, pick) => {
        const ids = Object.keys(g.board.cards);
        if (ids.length < 2) return;
        const viewport = { width: g.width, height: 900 };
        const layout = layoutBoard(g.board, viewport, evenMeasure, g.choice ?? undefined);
        const id = ids[pick % ids.length] as string;
        const other = ids[(pick + 1) % ids.length] as string;
        const card = g.board.cards[id] as CardState;
        const moved = { ...g.board, cards: { ...g.board.cards, [id]: { ...card, order: card.order + 0.5 } } };
        const marked = {
          ...g.board,
          cards: { ...g.board.cards, [id]: { ...card, marks: { ...card.marks, someone: 'agree' as const } } },
        };
        const two = {
          ...g.board,
          cards: {
            ...g.board.cards,
            [id]: { ...card, text: `${card.text}a` },
            [other]: { ...(g.board.cards[other] as CardState), text: 'b' },
          },
        };
        const { [id]: _gone, ...rest } = g.board.cards;
        const removed = { ...g.board, cards: rest };
        const renamed = { ...g.board, participants: { ...g.board.participants } };
        for (const after of [moved, marked, two, removed, renamed])
          expect(retypedLayout(layout, g.board, after, evenMeasure)).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it('answers for a real keystroke read incrementally from the document', () => {
    const doc = new Y.Doc();
    const mum: Actor = { participantId: 'mum' as ParticipantId, role: 'family' };
    const dad: Actor = { participantId: 'dad' as ParticipantId, role: 'family' };
    initBoard(doc, { title: 'Case 1', createdAt: 1 });
    const ids: CardId[] = [];
    for (let i = 0; i < 40; i++) {
      const added = addCard(doc, i % 2 ? mum : dad, {
        category: i % 3 ? 'harm' : 'existingStrength',
        text: `Card ${i}`,
      });
      if (!added.ok) throw new Error('card not added');
      ids.push(added.value.cardId);
    }
    const first = ids[0] as CardId;
    expect(setMark(doc, mum, first as CardId, 'agree').ok).toBe(true);
    const reader = createBoardReader(doc);
    const viewport = { width: 1400, height: 800 };
    const before = reader.read().state;
    const choice = chooseLayout(before, viewport, evenMeasure);
    const layout = layoutBoard(before, viewport, evenMeasure, choice);
    expect(editCardText(doc, dad, first as CardId, { index: 6, deleteCount: 0, insert: 'x' }).ok).toBe(true);
    const after = reader.read().state;
    const quick = retypedLayout(layout, before, after, evenMeasure);
    expect(quick).not.toBeNull();
    expect(quick).toEqual(layoutBoard(after, viewport, evenMeasure, choice));
    // Every other card keeps its layout object: only the typed card is drawn again.
    const kept = Object.keys(layout.cards).filter((id) => quick?.cards[id] === layout.cards[id]);
    expect(kept).toHaveLength(Object.keys(layout.cards).length - 1);
    expect(samePlaces(layout, quick as BoardLayout)).toBe(true);
    expect(samePlaces(layout, layoutBoard(after, viewport, evenMeasure, choice))).toBe(false);

    // A practitioner typing in dad's card: the first key adds their name to the card ("changed by"),
    // each key after it only stamps the time again.
    const sam: Actor = { participantId: 'sam' as ParticipantId, role: 'practitioner' };
    let shown = quick as BoardLayout;
    let was = after;
    for (const [key, answers] of [
      ['y', false],
      ['z', true],
    ] as const) {
      expect(editCardText(doc, sam, first, { index: 0, deleteCount: 0, insert: key }).ok).toBe(true);
      const now = reader.read().state;
      const next = retypedLayout(shown, was, now, evenMeasure);
      expect(next !== null).toBe(answers);
      shown = next ?? layoutBoard(now, viewport, evenMeasure, choice);
      expect(shown).toEqual(layoutBoard(now, viewport, evenMeasure, choice));
      was = now;
    }
  });
});
