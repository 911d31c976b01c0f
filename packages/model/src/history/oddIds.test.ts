import { describe, expect, it } from 'vitest';
import { addCard } from '../cards/cards.js';
import { ownValue } from '../doc/idRecord.js';
import { asCardId, asPairId, asParticipantId, OVERALL_SCALE_ID } from '../doc/ids.js';
import { readBoard } from '../doc/read.js';
import type { BoardState, CardState } from '../doc/types.js';
import { trajectory } from '../scales/trajectory.js';
import { boardState, cardState, newBoard, overallScale, practitioner, unwrap } from '../test-support.js';
import { restoreBoard, restoreCard } from './restore.js';
import { diffBoards } from './versionDiff.js';

/**
 * Ids `__proto__` and `constructor` in states that crossed a wire or a file as JSON: plain
 * objects whose prototype answers `constructor` and whose `__proto__` is an own key.
 */
const viaJson = (state: BoardState): BoardState => JSON.parse(JSON.stringify(state)) as BoardState;
const entries = <T extends { id: string }>(...items: T[]): Record<string, T> =>
  JSON.parse(JSON.stringify(Object.fromEntries(items.map((item) => [item.id, item]))));
const rating = { value: 6, reason: '', at: 1 };

describe('history with ids __proto__ and constructor', () => {
  it('diffBoards lists a card, a mark and a rating added under those ids', () => {
    const before = viaJson(boardState({ cards: entries(cardState('a')) }));
    const after = viaJson(
      boardState({
        cards: entries(
          cardState('a', { marks: { constructor: 'agree' as const } }),
          cardState('constructor'),
        ),
        scales: entries(overallScale({ ratings: entries({ id: 'constructor', ...rating }) })),
      }),
    );
    const diff = diffBoards(before, after);
    expect(diff.cards.added.map((card) => card.id)).toEqual(['constructor']);
    expect(diff.cards.changed[0]?.marks).toEqual(expect.objectContaining({ constructor: [null, 'agree'] }));
    expect(diff.ratings.map((change) => change.participantId)).toEqual(['constructor']);
    expect(diffBoards(after, before).cards.removed.map((card) => card.id)).toEqual(['constructor']);
  });

  it('restoreBoard brings back cards whose ids are __proto__ and constructor', () => {
    const doc = newBoard();
    unwrap(addCard(doc, practitioner, { category: 'harm', text: 'now' }));
    const target = viaJson(boardState({ cards: entries(cardState('__proto__'), cardState('constructor')) }));
    unwrap(restoreBoard(doc, target, { now: 5 }));
    const cards = readBoard(doc).cards;
    expect(Object.keys(cards).sort()).toEqual(['__proto__', 'constructor']);
    expect(ownValue(cards, '__proto__')?.text).toBe('Card __proto__');
  });

  it('restoreCard answers not-found for constructor when the version has no such card', () => {
    const doc = newBoard();
    const target = viaJson(boardState({ cards: entries(cardState('a')) }));
    const result = restoreCard(doc, target, asCardId('constructor'), { now: 5 });
    expect(result).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('trajectory titles a pair named constructor from the moment that has it', () => {
    const danger: CardState = cardState('d', {
      category: 'dangerStatement',
      text: 'Danger words',
      pairId: asPairId('constructor'),
    });
    const goal: CardState = cardState('g', { category: 'safetyGoal', pairId: asPairId('constructor') });
    const pair = {
      id: asPairId('constructor'),
      dangerStatementId: danger.id,
      safetyGoalId: goal.id,
      createdAt: 1,
    };
    const then = viaJson(boardState({ cards: entries(danger, goal), pairs: entries(pair) }));
    const now = viaJson(
      boardState({
        participants: entries({
          id: asParticipantId('constructor'),
          displayName: 'C',
          role: 'family',
          joinedAt: 1,
        }),
      }),
    );
    const result = trajectory([
      { versionId: 'v1', at: 1, label: 'then', board: then },
      { versionId: null, at: 2, label: 'now', board: now },
    ]);
    expect(result.scales.map((scale) => scale.scaleId)).toEqual([OVERALL_SCALE_ID, 'constructor']);
    expect(result.scales[1]?.title).toBe('Danger words');
  });
});
