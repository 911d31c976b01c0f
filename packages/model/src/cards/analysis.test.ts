import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asCardId, asPairId } from '../doc/ids.js';
import { readBoard } from '../doc/read.js';
import type { Category } from '../doc/types.js';
import { expectUnchanged, newBoard, practitioner, unwrap } from '../test-support.js';
import { addPair, pairCards, unpair } from './analysis.js';
import { addCard, deleteCard } from './cards.js';

function add(doc: Y.Doc, category: Category) {
  return unwrap(addCard(doc, practitioner, { category, text: category })).cardId;
}

/** A move written straight into the doc, as a replica that had not seen the pair would. */
function moveRaw(doc: Y.Doc, cardId: string) {
  const card = doc.getMap('cards').get(cardId) as Y.Map<unknown>;
  card.set('category', 'harm');
}

describe('pairCards', () => {
  it('pairs a danger statement with a safety goal and creates a revealed scale with the pair id', () => {
    const doc = newBoard();
    const dangerStatementId = add(doc, 'dangerStatement');
    const safetyGoalId = add(doc, 'safetyGoal');
    const { pairId } = unwrap(pairCards(doc, practitioner, { dangerStatementId, safetyGoalId }, { now: 77 }));
    const state = readBoard(doc);
    expect(state.pairs[pairId]).toEqual({ id: pairId, dangerStatementId, safetyGoalId, createdAt: 77 });
    expect(state.cards[dangerStatementId]?.pairId).toBe(pairId);
    expect(state.cards[safetyGoalId]?.pairId).toBe(pairId);
    expect(state.scales[pairId]).toEqual({ id: pairId, mode: 'revealed', ratings: {}, scored: [] });
  });

  it('refuses cards in the wrong categories', () => {
    const doc = newBoard();
    const harm = add(doc, 'harm');
    const dangerStatementId = add(doc, 'dangerStatement');
    const safetyGoalId = add(doc, 'safetyGoal');
    for (const cards of [
      { dangerStatementId: harm, safetyGoalId },
      { dangerStatementId, safetyGoalId: harm },
      { dangerStatementId: safetyGoalId, safetyGoalId: dangerStatementId },
    ]) {
      expect(expectUnchanged(doc, () => pairCards(doc, practitioner, cards))).toMatchObject({
        ok: false,
        reason: 'wrong-category',
      });
    }
  });

  it('refuses a card that is already paired', () => {
    const doc = newBoard();
    const first = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    const otherGoal = add(doc, 'safetyGoal');
    const otherDanger = add(doc, 'dangerStatement');
    const attempts = [
      { dangerStatementId: first.dangerStatementId, safetyGoalId: otherGoal },
      { dangerStatementId: otherDanger, safetyGoalId: first.safetyGoalId },
    ];
    for (const cards of attempts) {
      expect(expectUnchanged(doc, () => pairCards(doc, practitioner, cards))).toMatchObject({
        reason: 'already-paired',
      });
    }
  });

  it('refuses missing cards and malformed ids', () => {
    const doc = newBoard();
    const safetyGoalId = add(doc, 'safetyGoal');
    const missing = { dangerStatementId: asCardId('gone'), safetyGoalId };
    expect(expectUnchanged(doc, () => pairCards(doc, practitioner, missing))).toMatchObject({
      reason: 'not-found',
    });
    const malformed = { dangerStatementId: asCardId('not an id!'), safetyGoalId };
    expect(expectUnchanged(doc, () => pairCards(doc, practitioner, malformed))).toMatchObject({
      reason: 'invalid-input',
    });
  });

  it('lets a card pair again after its pair was broken by a concurrent move', () => {
    // Replica A moves the danger statement to harm while B pairs it; after the merge the pair is
    // not intact, so the goal counts as unpaired and can be paired with another statement.
    const a = newBoard();
    const dangerStatementId = add(a, 'dangerStatement');
    const safetyGoalId = add(a, 'safetyGoal');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveRaw(a, dangerStatementId);
    unwrap(pairCards(b, practitioner, { dangerStatementId, safetyGoalId }));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readBoard(a).pairs).toEqual({});
    const another = add(a, 'dangerStatement');
    unwrap(pairCards(a, practitioner, { dangerStatementId: another, safetyGoalId }));
    expect(Object.keys(readBoard(a).pairs)).toHaveLength(1);
  });
});

describe('addPair', () => {
  it('adds both cards and their pair in one transaction', () => {
    const doc = newBoard();
    let updates = 0;
    doc.on('update', () => {
      updates++;
    });
    const created = unwrap(addPair(doc, practitioner, { dangerStatement: 'worry', safetyGoal: 'goal' }));
    expect(updates).toBe(1);
    const state = readBoard(doc);
    expect(state.cards[created.dangerStatementId]).toMatchObject({
      category: 'dangerStatement',
      text: 'worry',
    });
    expect(state.cards[created.safetyGoalId]).toMatchObject({ category: 'safetyGoal', text: 'goal' });
    expect(state.pairs[created.pairId]).toMatchObject({
      dangerStatementId: created.dangerStatementId,
      safetyGoalId: created.safetyGoalId,
    });
  });

  it('refuses a text that is too long without adding anything', () => {
    const doc = newBoard();
    const texts = { dangerStatement: 'ok', safetyGoal: 'x'.repeat(20_001) };
    expect(expectUnchanged(doc, () => addPair(doc, practitioner, texts))).toMatchObject({
      reason: 'invalid-input',
    });
  });
});

describe('unpair', () => {
  it('removes the pair and its scale and keeps both cards, unpaired', () => {
    const doc = newBoard();
    const created = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    unwrap(unpair(doc, practitioner, created.pairId));
    const state = readBoard(doc);
    expect(state.pairs).toEqual({});
    expect(state.scales[created.pairId]).toBeUndefined();
    expect(doc.getMap('scales').has(created.pairId)).toBe(false);
    expect(state.cards[created.dangerStatementId]?.pairId).toBeNull();
    expect(state.cards[created.safetyGoalId]?.pairId).toBeNull();
  });

  it('reports an unknown pair as not-found', () => {
    const doc = newBoard();
    expect(expectUnchanged(doc, () => unpair(doc, practitioner, asPairId('nope')))).toMatchObject({
      reason: 'not-found',
    });
  });

  it('leaves no pair behind when a paired card was deleted', () => {
    const doc = newBoard();
    const created = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    unwrap(deleteCard(doc, practitioner, created.dangerStatementId));
    expect(expectUnchanged(doc, () => unpair(doc, practitioner, created.pairId))).toMatchObject({
      reason: 'not-found',
    });
  });
});
