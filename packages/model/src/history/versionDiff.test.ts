import { describe, expect, it } from 'vitest';
import { asCardId, asNetworkMemberId, asPairId, asParticipantId, asRuleId, asScaleId } from '../doc/ids.js';
import type { NetworkMemberState, PairState, RuleState, ScaleState } from '../doc/types.js';
import { boardState, cardState, overallScale, prng } from '../test-support.js';
import { diffBoards, isEmptyDiff, MAX_LCS_CELLS, textParts } from './versionDiff.js';
import type { TextPart } from './versionTypes.js';

function member(id: string, fields: Partial<NetworkMemberState> = {}): NetworkMemberState {
  return {
    id: asNetworkMemberId(id),
    name: 'Gran',
    relationship: 'Grandmother',
    contact: '',
    agreedTo: '',
    toldAboutWorries: false,
    order: 0,
    ...fields,
  };
}

function rule(id: string, fields: Partial<RuleState> = {}): RuleState {
  return {
    id: asRuleId(id),
    text: 'Gran stays over',
    responsibleMemberIds: [],
    redFlags: '',
    networkResponse: '',
    howChildWillKnow: '',
    order: 0,
    ...fields,
  };
}

const records = <T extends { id: string }>(...items: T[]) => Object.fromEntries(items.map((i) => [i.id, i]));

describe('diffBoards', () => {
  it('finds nothing between a board and itself', () => {
    const state = boardState({
      cards: records(cardState('a'), cardState('b')),
      network: records(member('m')),
    });
    const diff = diffBoards(state, state);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.cards).toEqual({ added: [], removed: [], changed: [] });
  });

  it('ignores updatedAt, participants, createdAt and the schema version', () => {
    const before = boardState({ cards: records(cardState('a')) });
    const after = boardState({
      meta: { title: 'Review', createdAt: 99, schemaVersion: 2 },
      cards: records(cardState('a', { updatedAt: 500 })),
      participants: {
        mum: { id: asParticipantId('mum'), displayName: 'Mum', role: 'family', joinedAt: 3 },
      },
    });
    expect(isEmptyDiff(diffBoards(before, after))).toBe(true);
  });

  it('reports a new title', () => {
    const after = boardState({ meta: { title: 'Core group', createdAt: 1, schemaVersion: 1 } });
    const diff = diffBoards(boardState(), after);
    expect(diff.title).toEqual({ before: 'Review', after: 'Core group' });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('lists added and removed cards sorted by id', () => {
    const diff = diffBoards(
      boardState({ cards: records(cardState('z'), cardState('keep'), cardState('b')) }),
      boardState({ cards: records(cardState('y'), cardState('keep'), cardState('a')) }),
    );
    expect(diff.cards.added.map((c) => c.id)).toEqual(['a', 'y']);
    expect(diff.cards.removed.map((c) => c.id)).toEqual(['b', 'z']);
    expect(diff.cards.changed).toEqual([]);
  });

  it('reports a changed text with word-level parts', () => {
    const before = boardState({ cards: records(cardState('a', { text: 'Dad drinks at home' })) });
    const after = boardState({ cards: records(cardState('a', { text: 'Dad no longer drinks at home' })) });
    const [change] = diffBoards(before, after).cards.changed;
    expect(change?.fields).toEqual(['text']);
    expect(change?.text).toEqual([
      { kind: 'same', text: 'Dad ' },
      { kind: 'added', text: 'no longer ' },
      { kind: 'same', text: 'drinks at home' },
    ]);
    expect(change?.before.text).toBe('Dad drinks at home');
  });

  it.each([
    ['category', { category: 'complicatingFactor' }],
    ['order', { order: 3 }],
    ['professionalsOnly', { professionalsOnly: true }],
    ['pairId', { pairId: asPairId('p') }],
  ] as const)('reports a changed %s, with no text parts', (field, fields) => {
    const diff = diffBoards(
      boardState({ cards: records(cardState('a')) }),
      boardState({ cards: records(cardState('a', fields)) }),
    );
    expect(diff.cards.changed).toHaveLength(1);
    expect(diff.cards.changed[0]?.fields).toEqual([field]);
    expect(diff.cards.changed[0]?.text).toBeNull();
  });

  it('reports marks set, changed and withdrawn, per person', () => {
    const before = boardState({
      cards: records(cardState('a', { marks: { mum: 'agree', sam: 'agree', dad: 'dispute' } })),
    });
    const after = boardState({
      cards: records(cardState('a', { marks: { mum: 'dispute', sam: 'agree', gran: 'agree' } })),
    });
    const [change] = diffBoards(before, after).cards.changed;
    expect(change?.fields).toEqual(['marks']);
    expect(change?.marks).toEqual({
      dad: ['dispute', null],
      gran: [null, 'agree'],
      mum: ['agree', 'dispute'],
    });
  });

  it('reports pairs added and removed, and a pair re-formed under the same id as both', () => {
    const pair = (id: string, dangerStatementId: string): PairState => ({
      id: asPairId(id),
      dangerStatementId: asCardId(dangerStatementId),
      safetyGoalId: asCardId('g'),
      createdAt: 1,
    });
    const diff = diffBoards(
      boardState({ pairs: records(pair('old', 'd'), pair('same', 'd')) }),
      boardState({ pairs: records(pair('new', 'd'), pair('same', 'e')) }),
    );
    expect(diff.pairs.added.map((p) => [p.id, p.dangerStatementId])).toEqual([
      ['new', 'd'],
      ['same', 'e'],
    ]);
    expect(diff.pairs.removed.map((p) => [p.id, p.dangerStatementId])).toEqual([
      ['old', 'd'],
      ['same', 'd'],
    ]);
  });

  it('reports scale modes, including a scale that appears with its pair', () => {
    const pairScale: ScaleState = { ...overallScale(), id: asScaleId('p') };
    const diff = diffBoards(
      boardState(),
      boardState({ scales: { overall: overallScale({ mode: 'private' }), p: pairScale } }),
    );
    expect(diff.scaleModes).toEqual([
      { scaleId: 'overall', before: 'revealed', after: 'private' },
      { scaleId: 'p', before: null, after: 'revealed' },
    ]);
  });

  it('reports ratings added, changed and removed, per scale and person', () => {
    const r = (value: number, reason = '', at = 1) => ({ value, reason, at });
    const before = boardState({
      scales: { overall: overallScale({ ratings: { mum: r(3), sam: r(5), dad: r(2) } }) },
    });
    const after = boardState({
      scales: { overall: overallScale({ ratings: { mum: r(6, 'Gran helps', 2), sam: r(5), gran: r(7) } }) },
    });
    expect(diffBoards(before, after).ratings).toEqual([
      { scaleId: 'overall', participantId: 'dad', before: r(2), after: null },
      { scaleId: 'overall', participantId: 'gran', before: null, after: r(7) },
      { scaleId: 'overall', participantId: 'mum', before: r(3), after: r(6, 'Gran helps', 2) },
    ]);
  });

  it('reports a rating given again with the same value and reason (a new moment of scoring)', () => {
    const before = boardState({
      scales: { overall: overallScale({ ratings: { mum: { value: 5, reason: '', at: 1 } } }) },
    });
    const after = boardState({
      scales: { overall: overallScale({ ratings: { mum: { value: 5, reason: '', at: 2 } } }) },
    });
    expect(diffBoards(before, after).ratings.map((r) => r.participantId)).toEqual(['mum']);
  });

  it('reports network members added, removed and changed with the fields that changed', () => {
    const diff = diffBoards(
      boardState({ network: records(member('a'), member('b')) }),
      boardState({
        network: records(member('b', { agreedTo: 'School runs', toldAboutWorries: true }), member('c')),
      }),
    );
    expect(diff.network.added.map((m) => m.id)).toEqual(['c']);
    expect(diff.network.removed.map((m) => m.id)).toEqual(['a']);
    expect(diff.network.changed.map((c) => [c.id, c.fields])).toEqual([
      ['b', ['agreedTo', 'toldAboutWorries']],
    ]);
  });

  it('reports rules changed; who is responsible is a set, not a list', () => {
    const [m1, m2] = [asNetworkMemberId('m1'), asNetworkMemberId('m2')];
    const before = boardState({ rules: records(rule('r', { responsibleMemberIds: [m2, m1] }), rule('s')) });
    const reordered = boardState({
      rules: records(rule('r', { responsibleMemberIds: [m1, m2] }), rule('s')),
    });
    expect(isEmptyDiff(diffBoards(before, reordered))).toBe(true);
    const after = boardState({
      rules: records(rule('r', { responsibleMemberIds: [m1], redFlags: 'Dad drinks' }), rule('t')),
    });
    const diff = diffBoards(before, after);
    expect(diff.rules.changed.map((c) => [c.id, c.fields])).toEqual([
      ['r', ['responsibleMemberIds', 'redFlags']],
    ]);
    expect(diff.rules.added.map((r) => r.id)).toEqual(['t']);
    expect(diff.rules.removed.map((r) => r.id)).toEqual(['s']);
  });

  it('reports the plan fields that changed', () => {
    const after = boardState({
      plan: {
        bottomLines: 'No drinking',
        monitoringWho: '',
        monitoringHowOften: '',
        reviewDate: '2025-03-14',
      },
    });
    expect(diffBoards(boardState(), after).plan).toEqual(['bottomLines', 'reviewDate']);
  });
});

const joined = (parts: readonly TextPart[], skip: TextPart['kind']) =>
  parts
    .filter((part) => part.kind !== skip)
    .map((part) => part.text)
    .join('');

describe('textParts', () => {
  it('marks a replaced word as removed then added, keeping the words around it', () => {
    expect(textParts('Mum collects him', 'Gran collects him')).toEqual([
      { kind: 'removed', text: 'Mum' },
      { kind: 'added', text: 'Gran' },
      { kind: 'same', text: ' collects him' },
    ]);
  });

  it('works word by word in any script and never splits an emoji', () => {
    const parts = textParts('Mae dŵr yn y tŷ 😀', 'Mae bwyd yn y tŷ 👍🏽');
    expect(parts).toEqual([
      { kind: 'same', text: 'Mae ' },
      { kind: 'removed', text: 'dŵr' },
      { kind: 'added', text: 'bwyd' },
      { kind: 'same', text: ' yn y tŷ ' },
      { kind: 'removed', text: '😀' },
      { kind: 'added', text: '👍🏽' },
    ]);
    expect(textParts('الأم تهتم بالطفل', 'الأم لا تهتم بالطفل')).toEqual([
      { kind: 'same', text: 'الأم ' },
      { kind: 'added', text: 'لا ' },
      { kind: 'same', text: 'تهتم بالطفل' },
    ]);
  });

  it('treats white space and punctuation as their own tokens', () => {
    expect(textParts('Dad shouted.', 'Dad shouted!\nTwice.')).toEqual([
      { kind: 'same', text: 'Dad shouted' },
      { kind: 'added', text: '!\nTwice' },
      { kind: 'same', text: '.' },
    ]);
    expect(textParts('Dad, shouted', 'Dad shouted')).toEqual([
      { kind: 'same', text: 'Dad' },
      { kind: 'removed', text: ',' },
      { kind: 'same', text: ' shouted' },
    ]);
  });

  it('handles empty texts', () => {
    expect(textParts('', '')).toEqual([]);
    expect(textParts('', 'New')).toEqual([{ kind: 'added', text: 'New' }]);
    expect(textParts('Old', '')).toEqual([{ kind: 'removed', text: 'Old' }]);
    expect(textParts('Same', 'Same')).toEqual([{ kind: 'same', text: 'Same' }]);
  });

  it('reads back as both texts, on random texts', () => {
    const rng = prng(11);
    const pieces = ['Dad', ' ', 'dŵr', 'łóżko', '.', '😀', 'والد نے', '\n', 'x', 'Gran'];
    const random = () => Array.from({ length: rng.int(30) }, () => rng.pick(pieces)).join('');
    for (let i = 0; i < 300; i++) {
      const [a, b] = [random(), random()];
      const parts = textParts(a, b);
      expect(joined(parts, 'added')).toBe(a);
      expect(joined(parts, 'removed')).toBe(b);
      for (let j = 1; j < parts.length; j++) expect(parts[j]?.kind).not.toBe(parts[j - 1]?.kind);
    }
  });

  it('falls back to removed-then-added for the middle of huge texts, keeping the common ends', () => {
    const words = (prefix: string) => Array.from({ length: 2_100 }, (_, i) => `${prefix}${i}`).join(' ');
    const before = `Start ${words('a')} end`;
    const after = `Start ${words('b')} end`;
    expect(2 * 2_100 * 2 * 2_100).toBeGreaterThan(MAX_LCS_CELLS);
    const parts = textParts(before, after);
    expect(parts.map((part) => part.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(parts[0]?.text).toBe('Start ');
    expect(parts[3]?.text).toBe(' end');
    expect(joined(parts, 'added')).toBe(before);
    expect(joined(parts, 'removed')).toBe(after);
  });
});
