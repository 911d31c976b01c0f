import { describe, expect, it } from 'vitest';
import type { CardId, CardState, PairId, PairState } from '../doc/types.js';
import { isPairIntact } from './pairing.js';

const pair: PairState = {
  id: 'p' as PairId,
  dangerStatementId: 'd' as CardId,
  safetyGoalId: 'g' as CardId,
  createdAt: 0,
};

function card(id: string, category: CardState['category'], pairId: string | null): CardState {
  return {
    id: id as CardId,
    category,
    text: '',
    authorId: 'a' as CardState['authorId'],
    authorRole: 'practitioner',
    createdAt: 0,
    updatedAt: 0,
    order: 0,
    professionalsOnly: false,
    marks: {},
    pairId: pairId as PairId | null,
  };
}

function lookup(...cards: CardState[]) {
  return (id: CardId) => cards.find((c) => c.id === id) ?? null;
}

describe('isPairIntact', () => {
  it('holds when both cards exist in their categories and point back at the pair', () => {
    expect(isPairIntact(pair, lookup(card('d', 'dangerStatement', 'p'), card('g', 'safetyGoal', 'p')))).toBe(
      true,
    );
  });

  it.each([
    ['the danger statement is missing', [card('g', 'safetyGoal', 'p')]],
    ['the safety goal is missing', [card('d', 'dangerStatement', 'p')]],
    ['the danger statement left its category', [card('d', 'harm', 'p'), card('g', 'safetyGoal', 'p')]],
    ['the goal left its category', [card('d', 'dangerStatement', 'p'), card('g', 'nextStep', 'p')]],
    ['a card points at another pair', [card('d', 'dangerStatement', 'q'), card('g', 'safetyGoal', 'p')]],
    ['a card points at no pair', [card('d', 'dangerStatement', 'p'), card('g', 'safetyGoal', null)]],
  ])('fails when %s', (_, cards) => {
    expect(isPairIntact(pair, lookup(...cards))).toBe(false);
  });
});
