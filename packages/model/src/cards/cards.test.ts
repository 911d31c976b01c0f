import { describe, expect, it } from 'vitest';
import { asCardId } from '../doc/ids.js';
import { cardsInCategory, getCardText, readBoard } from '../doc/read.js';
import type { Actor, CardId, Category } from '../doc/types.js';
import { expectUnchanged, newBoard, parent, practitioner, unwrap } from '../test-support.js';
import { addPair } from './analysis.js';
import { addCard, deleteCard, editCardText, moveCard, setCardText, setMark } from './cards.js';

const missing = asCardId('no-such-card');

function texts(doc: ReturnType<typeof newBoard>, category: Category): string[] {
  return cardsInCategory(readBoard(doc), category).map((card) => card.text);
}

function add(doc: ReturnType<typeof newBoard>, category: Category, text: string, index?: number): CardId {
  return unwrap(addCard(doc, practitioner, { category, text, ...(index === undefined ? {} : { index }) }))
    .cardId;
}

describe('addCard', () => {
  it('adds a card with its author, role, times and defaults', () => {
    const doc = newBoard();
    const { cardId } = unwrap(
      addCard(doc, parent, { category: 'existingStrength', text: 'Gran helps' }, { now: 5 }),
    );
    expect(readBoard(doc).cards[cardId]).toEqual({
      id: cardId,
      category: 'existingStrength',
      text: 'Gran helps',
      authorId: parent.participantId,
      authorRole: 'family',
      createdAt: 5,
      updatedAt: 5,
      order: 0,
      professionalsOnly: false,
      marks: {},
      pairId: null,
    });
  });

  it('appends by default and inserts at an index among the category', () => {
    const doc = newBoard();
    add(doc, 'harm', 'b');
    add(doc, 'harm', 'c');
    add(doc, 'harm', 'a', 0);
    add(doc, 'harm', 'b2', 2);
    add(doc, 'nextStep', 'elsewhere', 0);
    expect(texts(doc, 'harm')).toEqual(['a', 'b', 'b2', 'c']);
  });

  it('treats an index past the end as the end', () => {
    const doc = newBoard();
    add(doc, 'harm', 'a');
    add(doc, 'harm', 'z', 99);
    expect(texts(doc, 'harm')).toEqual(['a', 'z']);
  });

  it.each([
    ['an unknown category', { category: 'worries' }],
    ['text over 20,000 characters', { category: 'harm', text: 'x'.repeat(20_001) }],
    ['a lone surrogate', { category: 'harm', text: 'bad \ud83d' }],
    ['a negative index', { category: 'harm', index: -1 }],
    ['a fractional index', { category: 'harm', index: 1.5 }],
  ])('refuses %s and leaves the board unchanged', (_, input) => {
    const doc = newBoard();
    const result = expectUnchanged(doc, () => addCard(doc, practitioner, input as never));
    expect(result).toMatchObject({ ok: false, reason: 'invalid-input' });
  });

  it('refuses an actor with a bad id or role', () => {
    const doc = newBoard();
    for (const actor of [
      { participantId: 'has space', role: 'family' },
      { participantId: 'ok', role: 'judge' },
    ]) {
      const result = expectUnchanged(doc, () => addCard(doc, actor as Actor, { category: 'harm' }));
      expect(result).toMatchObject({ ok: false, reason: 'invalid-input' });
    }
  });
});

describe('editCardText', () => {
  it('splices the text and sets updatedAt', () => {
    const doc = newBoard();
    const cardId = add(doc, 'harm', 'Dad shouted');
    unwrap(
      editCardText(
        doc,
        practitioner,
        cardId,
        { index: 4, deleteCount: 7, insert: 'hit the wall' },
        { now: 9 },
      ),
    );
    const card = readBoard(doc).cards[cardId];
    expect(card?.text).toBe('Dad hit the wall');
    expect(card?.updatedAt).toBe(9);
  });

  it.each([
    ['past the end', { index: 4, deleteCount: 0, insert: 'x' }],
    ['a delete past the end', { index: 1, deleteCount: 3, insert: '' }],
    ['inside an emoji', { index: 2, deleteCount: 0, insert: 'x' }],
    ['a delete ending inside an emoji', { index: 0, deleteCount: 2, insert: '' }],
    ['a negative index', { index: -1, deleteCount: 0, insert: 'x' }],
  ])('refuses an edit %s', (_, edit) => {
    const doc = newBoard();
    const cardId = add(doc, 'harm', 'a😀');
    const result = expectUnchanged(doc, () => editCardText(doc, practitioner, cardId, edit));
    expect(result).toMatchObject({ ok: false, reason: 'invalid-input' });
  });

  it('refuses an edit that would make the text too long', () => {
    const doc = newBoard();
    const cardId = add(doc, 'harm', 'x'.repeat(19_999));
    const edit = { index: 0, deleteCount: 0, insert: 'ab' };
    expect(expectUnchanged(doc, () => editCardText(doc, practitioner, cardId, edit))).toMatchObject({
      reason: 'invalid-input',
    });
  });

  it('reports a missing card as not-found', () => {
    const doc = newBoard();
    const edit = { index: 0, deleteCount: 0, insert: 'x' };
    expect(expectUnchanged(doc, () => editCardText(doc, practitioner, missing, edit))).toMatchObject({
      reason: 'not-found',
    });
  });
});

describe('setCardText', () => {
  it('applies only the difference, so a concurrent edit elsewhere in the card survives', () => {
    const doc = newBoard();
    const cardId = add(doc, 'existingSafety', 'Mum calls Gran');
    const text = getCardText(doc, cardId);
    let deltas = 0;
    text?.observe(() => {
      deltas++;
    });
    unwrap(setCardText(doc, practitioner, cardId, 'Mum always calls Gran', { now: 7 }));
    expect(text?.toString()).toBe('Mum always calls Gran');
    expect(deltas).toBe(1);
    expect(readBoard(doc).cards[cardId]?.updatedAt).toBe(7);
  });

  it('writes nothing when the text is the same', () => {
    const doc = newBoard();
    const cardId = add(doc, 'harm', 'same');
    expect(expectUnchanged(doc, () => setCardText(doc, practitioner, cardId, 'same'))).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('refuses text over the limit and a missing card', () => {
    const doc = newBoard();
    const cardId = add(doc, 'harm', 'a');
    expect(
      expectUnchanged(doc, () => setCardText(doc, practitioner, cardId, 'y'.repeat(20_001))),
    ).toMatchObject({ reason: 'invalid-input' });
    expect(expectUnchanged(doc, () => setCardText(doc, practitioner, missing, 'x'))).toMatchObject({
      reason: 'not-found',
    });
  });
});

describe('moveCard', () => {
  it('moves a card to an index among the other cards of the target category and sets updatedAt', () => {
    const doc = newBoard();
    const a = add(doc, 'harm', 'a');
    add(doc, 'existingStrength', 'x');
    add(doc, 'existingStrength', 'y');
    unwrap(moveCard(doc, practitioner, a, { category: 'existingStrength', index: 1 }, { now: 42 }));
    expect(texts(doc, 'existingStrength')).toEqual(['x', 'a', 'y']);
    expect(texts(doc, 'harm')).toEqual([]);
    expect(readBoard(doc).cards[a]?.updatedAt).toBe(42);
  });

  it('reorders within a category, counting positions without the moved card', () => {
    const doc = newBoard();
    const a = add(doc, 'harm', 'a');
    add(doc, 'harm', 'b');
    add(doc, 'harm', 'c');
    unwrap(moveCard(doc, practitioner, a, { category: 'harm', index: 2 }));
    expect(texts(doc, 'harm')).toEqual(['b', 'c', 'a']);
  });

  it('makes room between neighbours that share an order', () => {
    const doc = newBoard();
    const [a, b, c] = ['a', 'b', 'c'].map((text) => add(doc, 'harm', text));
    // A tie, as concurrent inserts at the same place produce: a and b share an order.
    const cards = doc.getMap('cards');
    doc.transact(() => {
      for (const id of [a, b])
        (cards.get(id as string) as { set(k: string, v: unknown): void }).set('order', 5);
    });
    const others = texts(doc, 'harm').filter((text) => text !== 'c');
    unwrap(moveCard(doc, practitioner, c as CardId, { category: 'harm', index: 1 }));
    expect(texts(doc, 'harm')).toEqual([others[0], 'c', others[1]]);
  });

  it('refuses to take a paired card out of its category', () => {
    const doc = newBoard();
    const pair = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    const to = { category: 'harm' as const, index: 0 };
    expect(expectUnchanged(doc, () => moveCard(doc, practitioner, pair.dangerStatementId, to))).toMatchObject(
      {
        ok: false,
        reason: 'paired-card',
      },
    );
    unwrap(moveCard(doc, practitioner, pair.dangerStatementId, { category: 'dangerStatement', index: 0 }));
  });

  it('refuses a bad category, a negative index and a missing card', () => {
    const doc = newBoard();
    const a = add(doc, 'harm', 'a');
    const bad = [
      () => moveCard(doc, practitioner, a, { category: 'nope' as Category, index: 0 }),
      () => moveCard(doc, practitioner, a, { category: 'harm', index: -2 }),
    ];
    for (const op of bad) expect(expectUnchanged(doc, op)).toMatchObject({ reason: 'invalid-input' });
    expect(
      expectUnchanged(doc, () => moveCard(doc, practitioner, missing, { category: 'harm', index: 0 })),
    ).toMatchObject({ reason: 'not-found' });
  });
});

describe('deleteCard', () => {
  it('deletes a card', () => {
    const doc = newBoard();
    const a = add(doc, 'harm', 'a');
    unwrap(deleteCard(doc, practitioner, a));
    expect(readBoard(doc).cards).toEqual({});
  });

  it('deleting a paired card removes the pair and its scale and unpairs the partner', () => {
    const doc = newBoard();
    const pair = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    unwrap(deleteCard(doc, practitioner, pair.safetyGoalId));
    const state = readBoard(doc);
    expect(state.pairs).toEqual({});
    expect(Object.keys(state.scales)).toEqual(['overall']);
    expect(state.cards[pair.dangerStatementId]?.pairId).toBeNull();
    expect(doc.getMap('pairs').size).toBe(0);
    expect(doc.getMap('cards').get(pair.dangerStatementId)).toBeDefined();
    expect(
      (doc.getMap('cards').get(pair.dangerStatementId) as { get(k: string): unknown }).get('pairId'),
    ).toBeNull();
  });

  it('reports a missing card as not-found', () => {
    const doc = newBoard();
    expect(expectUnchanged(doc, () => deleteCard(doc, practitioner, missing))).toMatchObject({
      reason: 'not-found',
    });
  });
});

describe('setMark', () => {
  it("records each participant's agreement or dispute and withdraws it with null", () => {
    const doc = newBoard();
    const a = add(doc, 'harm', 'a');
    unwrap(setMark(doc, practitioner, a, 'agree'));
    unwrap(setMark(doc, parent, a, 'dispute'));
    expect(readBoard(doc).cards[a]?.marks).toEqual({ sam: 'agree', mum: 'dispute' });
    unwrap(setMark(doc, parent, a, null));
    expect(readBoard(doc).cards[a]?.marks).toEqual({ sam: 'agree' });
  });

  it('refuses an unknown mark and a missing card', () => {
    const doc = newBoard();
    const a = add(doc, 'harm', 'a');
    expect(expectUnchanged(doc, () => setMark(doc, practitioner, a, 'maybe' as never))).toMatchObject({
      reason: 'invalid-input',
    });
    expect(expectUnchanged(doc, () => setMark(doc, practitioner, missing, 'agree'))).toMatchObject({
      reason: 'not-found',
    });
  });
});
