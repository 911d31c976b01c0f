import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPair } from '../cards/analysis.js';
import { addCard, setMark } from '../cards/cards.js';
import { buildBoardExport, importBoard, parseBoardExport } from '../history/boardExport.js';
import { addNetworkMember } from '../plan/network.js';
import { addRule } from '../plan/plan.js';
import { rate } from '../scales/scales.js';
import { newBoard, parent, practitioner, unwrap } from '../test-support.js';
import { asScaleId, OVERALL_SCALE_ID } from './ids.js';
import { readBoard, readBoardWithRepairs } from './read.js';
import { LIMITS } from './schema.js';
import type { BoardState, CardId } from './types.js';

/**
 * Readers repair, never drop: a stored record with one malformed field (written by an older
 * version or a foreign client, bypassing today's guard) is read with that field repaired, and
 * the repair is reported by record id and field name. Every document here is built straight
 * with Yjs.
 */

const raw = (doc: Y.Doc, write: () => void) => doc.transact(write);
const cardMap = (doc: Y.Doc, id: string) => doc.getMap<unknown>('cards').get(id) as Y.Map<unknown>;
const ruleMap = (doc: Y.Doc, id: string) => doc.getMap<unknown>('rules').get(id) as Y.Map<unknown>;
const memberMap = (doc: Y.Doc, id: string) => doc.getMap<unknown>('network').get(id) as Y.Map<unknown>;
const overall = (doc: Y.Doc) => doc.getMap<unknown>('scales').get(OVERALL_SCALE_ID) as Y.Map<unknown>;
const ratingsOf = (scale: Y.Map<unknown>) => scale.get('ratings') as Y.Map<unknown>;

function cardWith(doc: Y.Doc, text = 'words'): CardId {
  return unwrap(addCard(doc, practitioner, { category: 'harm', text })).cardId;
}

/** Attaches a chain of `depth` nested maps under `key` (what a hostile client could attach anywhere). */
function nest(parent: Y.Map<unknown>, key: string, depth: number): void {
  let at = parent;
  let name = key;
  for (let i = 0; i < depth; i++) {
    at.set(name, new Y.Map<unknown>());
    at = at.get(name) as Y.Map<unknown>;
    name = 'deeper';
  }
}

/** The board as JSON-exported and parsed back: what the import route receives. */
function reimport(shared: BoardState): { parsed: ReturnType<typeof parseBoardExport>; doc: Y.Doc } {
  const exported = buildBoardExport({
    exportedAt: 5,
    board: { id: 'board1', title: shared.meta.title },
    version: null,
    meeting: null,
    shared,
    restricted: null,
  });
  const parsed = parseBoardExport(JSON.parse(JSON.stringify(exported)));
  const doc = new Y.Doc();
  if (parsed.ok) unwrap(importBoard(doc, new Y.Doc(), parsed.value, { now: 9 }));
  return { parsed, doc };
}

function fields(repairs: readonly { part: string; id: string | null; field: string }[]) {
  return repairs.map((r) => `${r.part}/${r.id ?? '-'}/${r.field}`);
}

describe('readers repair a malformed field instead of dropping the record', () => {
  it('reads card text far over the limit truncated and flags it; the export re-imports', () => {
    const doc = newBoard();
    const id = cardWith(doc);
    raw(doc, () => (cardMap(doc, id).get('text') as Y.Text).insert(0, 'x'.repeat(30_000)));
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.cards[id]?.text).toHaveLength(LIMITS.cardText);
    expect(repairs).toContainEqual({ part: 'cards', id, field: 'text', action: 'truncated' });
    const back = reimport(state);
    expect(back.parsed.ok).toBe(true);
    expect(readBoard(back.doc).cards[id]?.text).toBe(state.cards[id]?.text);
  });

  it('reads a 200,000-character reason truncated and keeps the rating', () => {
    const doc = newBoard();
    raw(doc, () => ratingsOf(overall(doc)).set('sam', { value: 4, reason: 'r'.repeat(200_000), at: 1 }));
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.scales.overall?.ratings.sam?.value).toBe(4);
    expect(state.scales.overall?.ratings.sam?.reason).toHaveLength(LIMITS.reason);
    expect(fields(repairs)).toContain('scales/overall/ratings.reason');
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('keeps a card whose mark is a 50 KB object, drops the mark and reports it', () => {
    const doc = newBoard();
    const id = cardWith(doc);
    unwrap(setMark(doc, parent, id, 'agree'));
    raw(doc, () =>
      (cardMap(doc, id).get('marks') as Y.Map<unknown>).set('sam', { blob: 'b'.repeat(50_000) }),
    );
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.cards[id]?.marks).toEqual({ mum: 'agree' });
    expect(repairs).toContainEqual({ part: 'cards', id, field: 'marks', action: 'dropped' });
  });

  it('keeps network members and rules with unknown fields, even thousands of maps deep', () => {
    const doc = newBoard();
    const gran = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' })).memberId;
    const { ruleId } = unwrap(addRule(doc, practitioner, { text: 'Rule', responsibleMemberIds: [gran] }));
    raw(doc, () => {
      memberMap(doc, gran).set('nickname', 'Nan');
      nest(memberMap(doc, gran), 'extra', 5_000);
      ruleMap(doc, ruleId).set('colour', 7);
      nest(ruleMap(doc, ruleId), 'extra', 5_000);
      nest(cardMap(doc, cardWith(doc)), 'extra', 5_000);
    });
    const state = readBoard(doc);
    expect(state.network[gran]?.name).toBe('Gran');
    expect(state.rules[ruleId]?.responsibleMemberIds).toEqual([gran]);
    expect(Object.keys(state.cards)).toHaveLength(1);
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('reads rule fields that are not texts as strings or empty, and keeps the rule', () => {
    const doc = newBoard();
    const { ruleId } = unwrap(addRule(doc, practitioner, { text: 'Rule' }));
    raw(doc, () => {
      ruleMap(doc, ruleId).set('text', 'a plain string');
      ruleMap(doc, ruleId).set('redFlags', 42);
      ruleMap(doc, ruleId).set('networkResponse', new Y.Map());
      ruleMap(doc, ruleId).set('order', 'first');
    });
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.rules[ruleId]).toMatchObject({ text: 'a plain string', redFlags: '', networkResponse: '' });
    expect(fields(repairs)).toEqual(
      expect.arrayContaining([
        `rules/${ruleId}/text`,
        `rules/${ruleId}/redFlags`,
        `rules/${ruleId}/networkResponse`,
        `rules/${ruleId}/order`,
      ]),
    );
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('keeps a card whose text is a Y.Map or holds an embedded Y.Map', () => {
    const doc = newBoard();
    const mapText = cardWith(doc);
    const embedded = cardWith(doc, 'kept words');
    raw(doc, () => {
      cardMap(doc, mapText).set('text', new Y.Map());
      (cardMap(doc, embedded).get('text') as Y.Text).insertEmbed(4, new Y.Map());
    });
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.cards[mapText]?.text).toBe('');
    expect(state.cards[embedded]?.text).toBe('kept words');
    expect(fields(repairs)).toEqual(
      expect.arrayContaining([`cards/${mapText}/text`, `cards/${embedded}/text`]),
    );
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('reads a card whose id field names another card under its own key', () => {
    const doc = newBoard();
    const a = cardWith(doc, 'first');
    const b = cardWith(doc, 'second');
    raw(doc, () => cardMap(doc, b).set('id', a));
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.cards[a]?.text).toBe('first');
    expect(state.cards[b]).toMatchObject({ id: b, text: 'second' });
    expect(repairs).toContainEqual({ part: 'cards', id: b, field: 'id', action: 'defaulted' });
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('reads non-number order, createdAt and updatedAt with defaults; the card goes to the end', () => {
    const doc = newBoard();
    const first = cardWith(doc, 'first');
    const broken = cardWith(doc, 'broken');
    const last = cardWith(doc, 'last');
    raw(doc, () => {
      cardMap(doc, broken).set('order', 'first');
      cardMap(doc, broken).set('createdAt', Number.NaN);
      cardMap(doc, broken).set('updatedAt', { at: 1 });
    });
    const { state, repairs } = readBoardWithRepairs(doc);
    const order = Object.values(state.cards)
      .sort((x, y) => x.order - y.order)
      .map((card) => card.id);
    expect(order).toEqual([first, last, broken]);
    expect(state.cards[broken]).toMatchObject({ createdAt: 0, updatedAt: 0 });
    expect(fields(repairs)).toEqual(
      expect.arrayContaining([
        `cards/${broken}/order`,
        `cards/${broken}/createdAt`,
        `cards/${broken}/updatedAt`,
      ]),
    );
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('keeps a card moved to category "constructor" visible, under a fallback category', () => {
    const doc = newBoard();
    const id = cardWith(doc);
    raw(doc, () => cardMap(doc, id).set('category', 'constructor'));
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.cards[id]?.category).toBe('nextStep');
    expect(repairs).toContainEqual({ part: 'cards', id, field: 'category', action: 'defaulted' });
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('reads a rating of 99 clamped to the scale and flags it', () => {
    const doc = newBoard();
    unwrap(rate(doc, parent, OVERALL_SCALE_ID, { value: 5, reason: 'fine' }));
    raw(doc, () => ratingsOf(overall(doc)).set('mum', { value: 99, reason: 'fine', at: 2 }));
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.scales.overall?.ratings.mum?.value).toBe(10);
    expect(fields(repairs)).toContain('scales/overall/ratings.value');
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('keeps a pair (and its scale) whose card has pairId set to a number', () => {
    const doc = newBoard();
    const pair = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    unwrap(rate(doc, parent, asScaleId(pair.pairId), { value: 3, reason: 'r' }));
    raw(doc, () => cardMap(doc, pair.safetyGoalId).set('pairId', 7));
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.cards[pair.safetyGoalId]?.pairId).toBe(pair.pairId);
    expect(state.pairs[pair.pairId]).toBeDefined();
    expect(state.scales[pair.pairId]?.ratings.mum?.value).toBe(3);
    expect(fields(repairs)).toContain(`cards/${pair.safetyGoalId}/pairId`);
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('keeps cards with a missing author, an unknown role or a non-boolean flag', () => {
    const doc = newBoard();
    const id = cardWith(doc);
    raw(doc, () => {
      cardMap(doc, id).delete('authorId');
      cardMap(doc, id).set('authorRole', 'judge');
      cardMap(doc, id).set('professionalsOnly', 'no');
    });
    const state = readBoard(doc);
    expect(state.cards[id]?.text).toBe('words');
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('keeps participants and network members with malformed fields', () => {
    const doc = newBoard();
    const gran = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' })).memberId;
    raw(doc, () => {
      doc.getMap('participants').set('p1', { id: 'p1', displayName: 'n'.repeat(900), joinedAt: 'x' });
      memberMap(doc, gran).set('toldAboutWorries', 'yes');
      memberMap(doc, gran).set('contact', 'c'.repeat(900));
    });
    const state = readBoard(doc);
    expect(state.participants.p1).toMatchObject({ role: 'viewer', joinedAt: 0 });
    expect(state.participants.p1?.displayName).toHaveLength(LIMITS.field);
    expect(state.network[gran]).toMatchObject({ name: 'Gran', toldAboutWorries: false });
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('reads an over-long title, plan text and responsible list within the limits', () => {
    const doc = newBoard();
    const { ruleId } = unwrap(addRule(doc, practitioner, { text: 'Rule' }));
    raw(doc, () => {
      doc.getMap('meta').set('title', 't'.repeat(1_000));
      (doc.getMap('plan').get('bottomLines') as Y.Text).insert(0, 'b'.repeat(25_000));
      const responsible = ruleMap(doc, ruleId).get('responsible') as Y.Map<unknown>;
      for (let i = 0; i < LIMITS.responsible + 5; i++) {
        const member = new Y.Map<unknown>();
        doc.getMap('network').set(`m${i}`, member);
        for (const [key, value] of Object.entries({ id: `m${i}`, name: '', relationship: '', contact: '' }))
          member.set(key, value);
        member.set('agreedTo', '');
        member.set('toldAboutWorries', false);
        member.set('order', i);
        responsible.set(`m${i}`, true);
      }
    });
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.meta.title).toHaveLength(LIMITS.title);
    expect(state.plan.bottomLines).toHaveLength(LIMITS.planText);
    expect(state.rules[ruleId]?.responsibleMemberIds).toHaveLength(LIMITS.responsible);
    expect(fields(repairs)).toEqual(
      expect.arrayContaining(['meta/-/title', 'plan/-/bottomLines', `rules/${ruleId}/responsible`]),
    );
    expect(reimport(state).parsed.ok).toBe(true);
  });

  it('reports nothing for a board written by the ops', () => {
    const doc = newBoard();
    const pair = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    unwrap(rate(doc, parent, asScaleId(pair.pairId), { value: 3, reason: 'r' }));
    const gran = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' })).memberId;
    unwrap(addRule(doc, practitioner, { text: 'Rule', responsibleMemberIds: [gran] }));
    expect(readBoardWithRepairs(doc).repairs).toEqual([]);
  });
});

describe('plain-object ids (__proto__, constructor) read like any other id', () => {
  const ODD = ['__proto__', 'constructor'] as const;

  function rawCard(doc: Y.Doc, id: string, text: string): void {
    const card = new Y.Map<unknown>();
    doc.getMap<unknown>('cards').set(id, card);
    const values = {
      id,
      category: 'harm',
      authorId: 'sam',
      authorRole: 'practitioner',
      createdAt: 1,
      updatedAt: 1,
      order: 5,
      professionalsOnly: false,
      pairId: null,
    };
    for (const [key, value] of Object.entries(values)) card.set(key, value);
    card.set('marks', new Y.Map());
    card.set('text', new Y.Text(text));
    (card.get('marks') as Y.Map<unknown>).set('constructor', 'agree');
  }

  function rawMember(doc: Y.Doc, id: string, order: number): void {
    const member = new Y.Map<unknown>();
    doc.getMap<unknown>('network').set(id, member);
    const values = {
      id,
      name: id,
      relationship: '',
      contact: '',
      agreedTo: '',
      toldAboutWorries: false,
      order,
    };
    for (const [key, value] of Object.entries(values)) member.set(key, value);
  }

  function oddBoard(): { doc: Y.Doc; ruleId: string } {
    const doc = newBoard();
    const { ruleId } = unwrap(addRule(doc, practitioner, { text: 'Rule' }));
    raw(doc, () => {
      for (const id of ODD) {
        rawCard(doc, id, `card ${id}`);
        doc.getMap('participants').set(id, { id, displayName: id, role: 'family', joinedAt: 1 });
        ratingsOf(overall(doc)).set(id, { value: 4, reason: '', at: 1 });
      }
      rawMember(doc, 'constructor', 1);
      const responsible = ruleMap(doc, ruleId).get('responsible') as Y.Map<unknown>;
      responsible.set('constructor', true);
      responsible.set('__proto__', true); // no such member
      const protoRule = new Y.Map<unknown>();
      doc.getMap<unknown>('rules').set('__proto__', protoRule);
      protoRule.set('id', '__proto__');
      protoRule.set('order', 3);
      for (const field of ['text', 'redFlags', 'networkResponse', 'howChildWillKnow'])
        protoRule.set(field, new Y.Text(field));
      protoRule.set('responsible', new Y.Map());
      (protoRule.get('responsible') as Y.Map<unknown>).set('constructor', true);
      const other = unwrap(addRule(doc, practitioner, { text: 'Second' })).ruleId;
      (ruleMap(doc, other).get('responsible') as Y.Map<unknown>).set('toString', true);
    });
    return { doc, ruleId };
  }

  it('shows cards, participants, ratings and marks under those ids', () => {
    const { doc } = oddBoard();
    const state = readBoard(doc);
    for (const id of ODD) {
      expect(Object.keys(state.cards)).toContain(id);
      expect(Object.hasOwn(state.cards, id)).toBe(true);
      expect(state.cards[id]?.text).toBe(`card ${id}`);
      expect(state.cards[id]?.marks).toEqual(Object.assign(Object.create(null), { constructor: 'agree' }));
      expect(state.participants[id]?.displayName).toBe(id);
      expect(state.scales.overall?.ratings[id]?.value).toBe(4);
    }
  });

  it('names only real members as responsible (never [null])', () => {
    const { doc, ruleId } = oddBoard();
    const state = readBoard(doc);
    expect(state.rules[ruleId]?.responsibleMemberIds).toEqual(['constructor']);
    expect(Object.keys(state.rules)).toContain('__proto__');
    for (const rule of Object.values(state.rules))
      expect(rule.responsibleMemberIds.every((id) => typeof id === 'string')).toBe(true);
  });

  it('exports and re-imports every record under those ids', () => {
    const { doc } = oddBoard();
    const state = readBoard(doc);
    const back = reimport(state);
    expect(back.parsed.ok).toBe(true);
    const again = readBoard(back.doc);
    expect(Object.keys(again.cards).sort()).toEqual([...ODD].sort());
    expect(Object.keys(again.participants).sort()).toEqual([...ODD].sort());
    expect(Object.keys(again.scales.overall?.ratings ?? {}).sort()).toEqual([...ODD].sort());
    expect(Object.keys(again.network)).toEqual(['constructor']);
    expect(Object.hasOwn(again.rules, '__proto__')).toBe(true);
    expect(Object.values(again.rules).find((rule) => rule.id === '__proto__')?.responsibleMemberIds).toEqual([
      'constructor',
    ]);
  });
});
