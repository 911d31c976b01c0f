import type { CardId, NetworkMemberId, PairId, RuleId, RuleState } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import {
  cardsOf,
  numberedPairs,
  participantDirectory,
  personLabel,
  ratingsOf,
  responsibleNames,
  scalesInOrder,
  shortPersonLabel,
} from './boardReading.js';
import { emptyBoard, makeCard, PEOPLE, sampleBoard, sampleRestricted, T0 } from './reportBoard.fixture.js';

describe('people', () => {
  it('knows everyone either document knows, and names people with their role', () => {
    const restricted = {
      ...sampleRestricted(),
      participants: { 'p-police': { ...PEOPLE.worker, id: 'p-police' as never, displayName: 'PC Evans' } },
    };
    const directory = participantDirectory(sampleBoard(), restricted);
    expect(personLabel(directory, 'p-mum')).toBe('Mariam Khan (Family)');
    expect(personLabel(directory, 'p-police')).toBe('PC Evans (Practitioner)');
    expect(shortPersonLabel(directory, 'p-nain')).toBe('Gwen (Network)');
  });

  it('names someone the board no longer knows by a short id, never by nothing', () => {
    const directory = participantDirectory(emptyBoard('x'));
    expect(personLabel(directory, 'p-0123456789')).toBe('Someone no longer on the board (p-012345)');
    expect(shortPersonLabel(directory, 'p-gone')).toBe('Someone who has left');
  });
});

describe('cards and pairs', () => {
  it('lists a category in board order and leaves professionals-only cards out unless asked', () => {
    const board = sampleBoard();
    const withSecret = {
      ...board,
      cards: {
        ...board.cards,
        'c-secret': makeCard('c-secret', 'harm', 'secret', { professionalsOnly: true, order: 0 }),
        'c-first': makeCard('c-first', 'harm', 'first', { order: -1 }),
      },
    };
    expect(cardsOf(withSecret, 'harm', { professionalsOnly: false }).map((card) => card.id)).toEqual([
      'c-first',
      'c-harm',
    ]);
    expect(cardsOf(withSecret, 'harm', { professionalsOnly: true }).map((card) => card.id)).toEqual([
      'c-first',
      'c-secret',
      'c-harm',
    ]);
  });

  it('numbers pairs in the order they were made, as the board does, and withholds refused cards', () => {
    const board = sampleBoard();
    const later = {
      id: 'pair-0' as PairId,
      dangerStatementId: 'c-danger' as CardId,
      safetyGoalId: 'c-goal' as CardId,
      createdAt: T0 + 1,
    };
    const pairs = numberedPairs(
      { ...board, pairs: { ...board.pairs, 'pair-0': later } },
      (card) => card.id !== 'c-goal',
    );
    expect(pairs.map((pair) => [pair.pair.id, pair.number])).toEqual([
      ['pair-1', 1],
      ['pair-0', 2],
    ]);
    expect(pairs[0]?.dangerStatement?.id).toBe('c-danger');
    expect(pairs[0]?.safetyGoal).toBeNull();
  });

  it('puts the overall scale first, then each pair’s', () => {
    const board = sampleBoard();
    const scales = scalesInOrder(
      board,
      numberedPairs(board, () => true),
    );
    expect(scales.map((entry) => entry.scaleId)).toEqual(['overall', 'pair-1']);
    expect(scales[1]?.scale?.mode).toBe('private');
  });
});

describe('ratings and the plan', () => {
  it('lists a scale’s ratings by the name of who gave them', () => {
    const board = sampleBoard();
    const scale = board.scales.overall;
    if (scale === undefined) throw new Error('fixture has an overall scale');
    expect(ratingsOf(scale, participantDirectory(board)).map((entry) => entry.participantId)).toEqual([
      'p-nain',
      'p-worker',
      'p-mum',
    ]);
  });

  it('names who makes sure a rule happens, skipping people no longer in the network', () => {
    const board = sampleBoard();
    const rule = {
      id: 'r-2' as RuleId,
      text: 'x',
      responsibleMemberIds: ['n-gone' as NetworkMemberId, 'n-nain' as NetworkMemberId],
      redFlags: '',
      networkResponse: '',
      howChildWillKnow: '',
      order: 2,
    };
    expect(responsibleNames(board, rule)).toEqual(['Gwen Pritchard']);
  });
});

describe('ids __proto__ and constructor (a board that crossed a wire as JSON)', () => {
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  it('names no one for a responsible id the network does not have', () => {
    const board = plain(sampleBoard());
    const rule = {
      ...(Object.values(board.rules)[0] as RuleState),
      responsibleMemberIds: ['constructor', 'toString'] as NetworkMemberId[],
    };
    expect(responsibleNames(board, rule)).toEqual([]);
  });

  it('shows no card and no scale for a pair whose ids are not on the board', () => {
    const board = plain({
      ...emptyBoard('x'),
      pairs: {
        constructor: {
          id: 'constructor' as PairId,
          dangerStatementId: 'constructor' as CardId,
          safetyGoalId: 'toString' as CardId,
          createdAt: T0,
        },
      },
    });
    const [numbered] = numberedPairs(board, () => true);
    expect(numbered?.dangerStatement).toBeNull();
    expect(numbered?.safetyGoal).toBeNull();
    expect(scalesInOrder(board, numbered === undefined ? [] : [numbered])[1]?.scale).toBeNull();
  });
});
