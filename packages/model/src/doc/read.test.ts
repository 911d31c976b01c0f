import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPair } from '../cards/analysis.js';
import { addCard } from '../cards/cards.js';
import { addNetworkMember } from '../plan/network.js';
import { addRule } from '../plan/plan.js';
import { newBoard, practitioner, unwrap } from '../test-support.js';
import { asCardId } from './ids.js';
import { cardsInCategory, getCardText, readBoard } from './read.js';

/** Writes straight into the doc, as a buggy or hostile client could. */
function raw(doc: Y.Doc, write: () => void) {
  doc.transact(write);
}

function rawCard(fields: Record<string, unknown>): Y.Map<unknown> {
  const card = new Y.Map<unknown>();
  const defaults = {
    category: 'harm',
    authorId: 'sam',
    authorRole: 'practitioner',
    createdAt: 1,
    updatedAt: 1,
    order: 0,
    professionalsOnly: false,
    pairId: null,
  };
  for (const [key, value] of Object.entries({ ...defaults, ...fields })) {
    if (value !== undefined) card.set(key, value);
  }
  return card;
}

describe('readBoard', () => {
  it('keeps cards with a malformed field, repaired, and skips only entries that cannot be cards', () => {
    const doc = newBoard();
    const good = unwrap(addCard(doc, practitioner, { category: 'harm', text: 'real' })).cardId;
    raw(doc, () => {
      const cards = doc.getMap<unknown>('cards');
      cards.set('plain', { id: 'plain', category: 'harm', text: 'not a Y.Map' });
      cards.set('bad key!', rawCard({ id: 'bad key!', text: new Y.Text('x') }));
      cards.set('noText', rawCard({ id: 'noText', text: 'a string, not Y.Text' }));
      cards.set('badCategory', rawCard({ id: 'badCategory', category: 'gossip', text: new Y.Text('x') }));
      cards.set('wrongId', rawCard({ id: 'other', text: new Y.Text('x') }));
      cards.set('badOrder', rawCard({ id: 'badOrder', order: 'first', text: new Y.Text('x') }));
      cards.set('noRole', rawCard({ id: 'noRole', authorRole: undefined, text: new Y.Text('x') }));
      cards.set('number', 42);
    });
    const cards = readBoard(doc).cards;
    expect(Object.keys(cards).sort()).toEqual(
      [good, 'plain', 'noText', 'badCategory', 'wrongId', 'badOrder', 'noRole'].sort(),
    );
    expect(cards.noText?.text).toBe('a string, not Y.Text');
    expect(cards.badCategory?.category).toBe('nextStep');
    expect(cards.wrongId?.id).toBe('wrongId');
    expect(cards.noRole?.authorRole).toBe('viewer');
  });

  it('drops unreadable marks and ratings, clamps a rating out of range, keeps their card and scale', () => {
    const doc = newBoard();
    const cardId = unwrap(addCard(doc, practitioner, { category: 'harm', text: 'x' })).cardId;
    raw(doc, () => {
      const marks = (doc.getMap('cards').get(cardId) as Y.Map<unknown>).get('marks') as Y.Map<unknown>;
      marks.set('sam', 'agree');
      marks.set('mum', 'shrug');
      const ratings = (doc.getMap('scales').get('overall') as Y.Map<unknown>).get(
        'ratings',
      ) as Y.Map<unknown>;
      ratings.set('sam', { value: 4, reason: 'ok', at: 1 });
      ratings.set('mum', { value: 11, reason: '', at: 1 });
      ratings.set('dad', 'ten');
    });
    const state = readBoard(doc);
    expect(state.cards[cardId]?.marks).toEqual({ sam: 'agree' });
    expect(state.scales.overall?.ratings).toEqual({
      sam: { value: 4, reason: 'ok', at: 1 },
      mum: { value: 10, reason: '', at: 1 },
    });
  });

  it('skips a pair whose card is missing and reads its partner as unpaired', () => {
    const doc = newBoard();
    const pair = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    raw(doc, () => doc.getMap('cards').delete(pair.dangerStatementId));
    const state = readBoard(doc);
    expect(state.pairs).toEqual({});
    expect(state.scales[pair.pairId]).toBeUndefined();
    expect(state.cards[pair.safetyGoalId]?.pairId).toBeNull();
  });

  it('skips a pair whose card left its category or points at another pair', () => {
    const doc = newBoard();
    const moved = unwrap(addPair(doc, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    const stolen = unwrap(addPair(doc, practitioner, { dangerStatement: 'd2', safetyGoal: 'g2' }));
    raw(doc, () => {
      (doc.getMap('cards').get(moved.safetyGoalId) as Y.Map<unknown>).set('category', 'nextStep');
      (doc.getMap('cards').get(stolen.dangerStatementId) as Y.Map<unknown>).set('pairId', 'someOtherPair');
    });
    const state = readBoard(doc);
    expect(state.pairs).toEqual({});
    expect(Object.values(state.cards).every((card) => card.pairId === null)).toBe(true);
  });

  it('keeps malformed participants, network members and rules, and drops missing responsible people', () => {
    const doc = newBoard();
    const gran = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' })).memberId;
    const { ruleId } = unwrap(addRule(doc, practitioner, { text: 'r', responsibleMemberIds: [gran] }));
    raw(doc, () => {
      doc.getMap('participants').set('p1', { id: 'p1', displayName: 'No role', joinedAt: 1 });
      const member = new Y.Map<unknown>();
      doc.getMap('network').set('m1', member);
      member.set('id', 'm1');
      member.set('toldAboutWorries', 'yes');
      const rule = new Y.Map<unknown>();
      doc.getMap('rules').set('r1', rule);
      rule.set('id', 'r1');
      rule.set('text', 'plain string');
      ((doc.getMap('rules').get(ruleId) as Y.Map<unknown>).get('responsible') as Y.Map<unknown>).set(
        'ghost',
        true,
      );
    });
    const state = readBoard(doc);
    expect(state.participants.p1).toMatchObject({ displayName: 'No role', role: 'viewer' });
    expect(Object.keys(state.network).sort()).toEqual([gran, 'm1'].sort());
    expect(state.network.m1?.toldAboutWorries).toBe(false);
    expect(Object.keys(state.rules).sort()).toEqual([ruleId, 'r1'].sort());
    expect(state.rules.r1?.text).toBe('plain string');
    expect(state.rules[ruleId]?.responsibleMemberIds).toEqual([gran]);
  });

  it('reads a damaged plan and meta as strings or empty defaults', () => {
    const doc = newBoard();
    raw(doc, () => {
      doc.getMap('plan').set('bottomLines', 'not a Y.Text');
      doc.getMap('plan').set('reviewDate', 'next Tuesday');
      doc.getMap('meta').set('title', 7);
    });
    const state = readBoard(doc);
    expect(state.plan).toEqual({
      bottomLines: 'not a Y.Text',
      monitoringWho: '',
      monitoringHowOften: '',
      reviewDate: null,
    });
    expect(state.meta.title).toBe('');
  });

  it('does not throw when a top-level name holds another type', () => {
    const doc = new Y.Doc();
    doc.getArray('cards').insert(0, ['x']);
    doc.getText('plan').insert(0, 'x');
    expect(readBoard(doc).cards).toEqual({});
    expect(readBoard(doc).plan.bottomLines).toBe('');
  });
});

describe('cardsInCategory', () => {
  it('lists one category by order, then id', () => {
    const doc = newBoard();
    for (const text of ['one', 'two', 'three'])
      unwrap(addCard(doc, practitioner, { category: 'nextStep', text }));
    unwrap(addCard(doc, practitioner, { category: 'harm', text: 'other' }));
    raw(doc, () => {
      doc
        .getMap('cards')
        .set('aaa', rawCard({ id: 'aaa', category: 'nextStep', order: 1.5, text: new Y.Text('tie-a') }));
      doc
        .getMap('cards')
        .set('zzz', rawCard({ id: 'zzz', category: 'nextStep', order: 1.5, text: new Y.Text('tie-z') }));
    });
    const texts = cardsInCategory(readBoard(doc), 'nextStep').map((card) => card.text);
    expect(texts).toEqual(['one', 'two', 'tie-a', 'tie-z', 'three']);
  });
});

describe('getCardText', () => {
  it('returns the live Y.Text of a card and null for an unknown card', () => {
    const doc = newBoard();
    const cardId = unwrap(addCard(doc, practitioner, { category: 'harm', text: 'live' })).cardId;
    const text = getCardText(doc, cardId);
    expect(text).toBeInstanceOf(Y.Text);
    text?.insert(4, '!');
    expect(readBoard(doc).cards[cardId]?.text).toBe('live!');
    expect(getCardText(doc, asCardId('nope'))).toBeNull();
  });
});
