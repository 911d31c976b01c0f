import { type Actor, addCard, addPair, initBoard, type ParticipantId, readBoard } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { needsSafetyGoal, pairNumberOf, pairNumbers } from './pairs';

const actor: Actor = { participantId: 'p1' as ParticipantId, role: 'practitioner' };

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Case 1', createdAt: 1 });
  return doc;
}

function pair(doc: Y.Doc, now: number) {
  const result = addPair(doc, actor, { dangerStatement: `worry ${now}`, safetyGoal: `goal ${now}` }, { now });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('pairNumbers', () => {
  it('numbers pairs in the order they were made, and both cards of a pair share the number', () => {
    const doc = board();
    const later = pair(doc, 200);
    const earlier = pair(doc, 100);
    const state = readBoard(doc);
    const numbers = pairNumbers(state);
    const numberOf = (id: string) => {
      const card = state.cards[id];
      return card ? pairNumberOf(card, numbers) : undefined;
    };
    expect(numberOf(earlier.dangerStatementId)).toBe(1);
    expect(numberOf(earlier.safetyGoalId)).toBe(1);
    expect(numberOf(later.dangerStatementId)).toBe(2);
    expect(numberOf(later.safetyGoalId)).toBe(2);
  });

  it('gives no number to a card outside any pair', () => {
    const doc = board();
    const added = addCard(doc, actor, { category: 'harm', text: 'x' });
    if (!added.ok) throw new Error('add failed');
    const state = readBoard(doc);
    const card = state.cards[added.value.cardId];
    expect(card && pairNumberOf(card, pairNumbers(state))).toBeNull();
  });
});

describe('needsSafetyGoal', () => {
  it('offers a goal for a danger statement without one, and for nothing else', () => {
    const doc = board();
    const lone = addCard(doc, actor, { category: 'dangerStatement', text: 'worry' });
    const harm = addCard(doc, actor, { category: 'harm', text: 'hurt' });
    if (!lone.ok || !harm.ok) throw new Error('add failed');
    const paired = pair(doc, 5);
    const state = readBoard(doc);
    expect(needsSafetyGoal(state, lone.value.cardId)).toBe(true);
    expect(needsSafetyGoal(state, paired.dangerStatementId)).toBe(false);
    expect(needsSafetyGoal(state, harm.value.cardId)).toBe(false);
    expect(needsSafetyGoal(state, null)).toBe(false);
  });
});
