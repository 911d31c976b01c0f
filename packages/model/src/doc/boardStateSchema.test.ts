import { describe, expect, it } from 'vitest';
import { addPair } from '../cards/analysis.js';
import { addNetworkMember } from '../plan/network.js';
import { addRule } from '../plan/plan.js';
import { newBoard, practitioner, prng, randomBoard, unwrap } from '../test-support.js';
import { checkBoardState, parseBoardState } from './boardStateSchema.js';
import { readBoard } from './read.js';
import type { BoardState } from './types.js';

function pairedBoard(): BoardState {
  const doc = newBoard();
  unwrap(addPair(doc, practitioner, { dangerStatement: 'Worried', safetyGoal: 'Goal' }));
  const { memberId } = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' }));
  unwrap(addRule(doc, practitioner, { text: 'Gran checks in', responsibleMemberIds: [memberId] }));
  return readBoard(doc);
}

describe('parseBoardState', () => {
  it('accepts every reading of a random board', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const state = readBoard(randomBoard(prng(seed), 40));
      expect(unwrap(parseBoardState(JSON.parse(JSON.stringify(state))))).toEqual(state);
    }
  });

  it('refuses a record that is not under its own id', () => {
    const state = pairedBoard();
    const [id, card] = Object.entries(state.cards)[0] ?? [];
    const moved = { ...state, cards: { ...state.cards, other: card } };
    expect(id).toBeDefined();
    expect(parseBoardState(moved)).toMatchObject({ ok: false, reason: 'invalid-input' });
  });

  it('refuses a rating outside 0–10 and a review date that is not a date', () => {
    const state = pairedBoard();
    const bad = {
      ...state,
      scales: {
        overall: {
          id: 'overall',
          mode: 'revealed',
          ratings: { mum: { value: 11, reason: '', at: 1 } },
          scored: [],
        },
      },
    };
    expect(parseBoardState(bad)).toMatchObject({ ok: false, reason: 'invalid-input' });
    expect(parseBoardState({ ...state, plan: { ...state.plan, reviewDate: 'soon' } })).toMatchObject({
      ok: false,
    });
  });
});

describe('checkBoardState', () => {
  const state = pairedBoard();
  const [pair] = Object.values(state.pairs);
  const [rule] = Object.values(state.rules);

  it('accepts a consistent board', () => {
    expect(checkBoardState(state).ok).toBe(true);
  });

  it('refuses a pair that is not intact, a card naming a missing pair, and a stray scale', () => {
    if (pair === undefined) throw new Error('no pair');
    const brokenCard = { ...state.cards[pair.safetyGoalId], pairId: null } as never;
    expect(
      checkBoardState({ ...state, cards: { ...state.cards, [pair.safetyGoalId]: brokenCard } }),
    ).toMatchObject({
      ok: false,
      detail: `pairs.${pair.id}: not an intact pair`,
    });
    expect(checkBoardState({ ...state, pairs: {} })).toMatchObject({ ok: false, reason: 'invalid-input' });
    const stray = { ...state.scales.overall, id: 'stray' } as never;
    expect(checkBoardState({ ...state, scales: { ...state.scales, stray } })).toMatchObject({
      ok: false,
      detail: "scales.stray: neither the overall scale nor a pair's",
    });
  });

  it('refuses a rule naming someone who is not in the network', () => {
    if (rule === undefined) throw new Error('no rule');
    expect(checkBoardState({ ...state, network: {} })).toMatchObject({
      ok: false,
      detail: expect.stringContaining(`rules.${rule.id}`),
    });
  });
});
