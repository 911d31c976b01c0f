import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newBoard, parent, unwrap } from '../test-support.js';
import { addPair } from './analysis.js';
import { addCard } from './cards.js';
import { card, setup } from './changes.fixture.js';
import { applyAndClassify } from './changes.js';

describe('applyAndClassify: hostile updates', () => {
  it('reports a write to participants, to another person’s rating and an authorId rewrite', () => {
    const client = newBoard();
    const { cardId } = unwrap(addCard(client, parent, { category: 'harm' }));
    const { classify } = setup(client);
    expect(
      classify(() => client.getMap('participants').set('boss', { id: 'boss', role: 'facilitator' })),
    ).toEqual([{ kind: 'participant-written', participantId: 'boss' }]);
    const ratings = (client.getMap('scales').get('overall') as Y.Map<unknown>).get(
      'ratings',
    ) as Y.Map<unknown>;
    expect(classify(() => ratings.set('sam', { value: 0, reason: '', at: 1 }))).toEqual([
      {
        kind: 'rating-set',
        scaleId: 'overall',
        participantId: 'sam',
        value: 0,
        mode: 'revealed',
        recordedBy: undefined,
        forPerson: false,
        linkedTo: undefined,
      },
    ]);
    expect(classify(() => card(client, cardId).set('authorId', 'sam'))).toEqual([
      { kind: 'card-field', cardId, field: 'authorId', authorId: 'mum', category: 'harm' },
    ]);
  });

  it('reports the ratings and scored entries inside a new scale one by one (issue 12)', () => {
    const { client, classify } = setup();
    const changes = classify(() =>
      client.transact(() => {
        const { pairId } = unwrap(addPair(client, parent, { dangerStatement: 'a', safetyGoal: 'b' }));
        const scale = client.getMap('scales').get(pairId) as Y.Map<unknown>;
        (scale.get('ratings') as Y.Map<unknown>).set('sam', { value: 2, reason: 'forged', at: 1 });
        const scored = new Y.Map<unknown>();
        scale.set('scored', scored);
        scored.set('fay', true);
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'rating-set', participantId: 'sam', value: 2 }),
    );
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'scored-set', participantId: 'fay' }));
  });

  it('reports taking a card out of a standing pair, not clearing a stale pointer (issue 12)', () => {
    const client = newBoard();
    const made = unwrap(addPair(client, parent, { dangerStatement: 'a', safetyGoal: 'b' }));
    const { classify } = setup(client);
    expect(classify(() => card(client, made.dangerStatementId).set('pairId', null))).toEqual([
      expect.objectContaining({ kind: 'card-field', field: 'pairId', leftPair: made.pairId }),
    ]);
    // The partner no longer points back: clearing it leaves no pair.
    expect(classify(() => card(client, made.safetyGoalId).set('pairId', null))).toEqual([
      {
        kind: 'card-field',
        cardId: made.safetyGoalId,
        field: 'pairId',
        authorId: 'mum',
        category: 'safetyGoal',
      },
    ]);
  });

  it("reports a new card that already carries someone else's mark", () => {
    const { client, classify } = setup();
    const changes = classify(() =>
      client.transact(() => {
        const cardId = unwrap(addCard(client, parent, { category: 'harm' })).cardId;
        (card(client, cardId).get('marks') as Y.Map<unknown>).set('sam', 'agree');
      }),
    );
    expect(changes).toMatchObject([{ kind: 'card-added', authorId: 'mum', markedBy: ['sam'] }]);
  });

  it('reports new top-level types, unknown fields and list content as unknown', () => {
    const client = newBoard();
    const { cardId } = unwrap(addCard(client, parent, { category: 'harm' }));
    const { classify } = setup(client);
    expect(classify(() => client.getMap('evil').set('x', 1))).toEqual([
      { kind: 'unknown', path: ['evil', 'x'], reason: 'outside the board layout' },
    ]);
    expect(classify(() => card(client, cardId).set('colour', 'red'))).toEqual([
      { kind: 'unknown', path: ['cards', cardId, 'colour'], reason: 'outside the board layout' },
    ]);
    expect(classify(() => client.getMap('cards').set('plain', 'not a record'))).toEqual([
      { kind: 'unknown', path: ['cards', 'plain'], reason: 'a plain value where a record belongs' },
    ]);
    const foreign = new Y.Doc();
    foreign.getArray('cards').insert(0, [1]);
    const { shadow } = setup(client);
    expect(applyAndClassify(shadow, Y.encodeStateAsUpdate(foreign)).changes).toEqual([
      { kind: 'unknown', path: ['cards'], reason: 'outside the board layout' },
    ]);
  });

  it('[AC19] reports a new card with an unknown field, an unknown category, plain text or plain marks as unknown', () => {
    const { client, classify } = setup();
    const malformed = (id: string, fields: Record<string, unknown>) => () => {
      const map = new Y.Map<unknown>();
      client.getMap('cards').set(id, map);
      const base = { id, category: 'harm', text: new Y.Text('x'), authorId: 'mum', authorRole: 'family' };
      for (const [key, value] of Object.entries({ ...base, ...fields })) map.set(key, value);
    };
    const cases: [string, Record<string, unknown>, string][] = [
      ['c1', { colour: 'red' }, 'a field the card layout does not have'],
      ['c2', { category: 'gossip' }, 'a category the board does not have'],
      ['c3', { text: 'plain string' }, 'card text that is not a Y.Text'],
      ['c4', { marks: 'agree' }, 'marks that are not a map'],
    ];
    for (const [id, fields, reason] of cases) {
      expect(classify(malformed(id, fields))).toEqual([{ kind: 'unknown', path: ['cards', id], reason }]);
    }
    expect(classify(malformed('c5', {}))).toMatchObject([{ kind: 'card-added', cardId: 'c5' }]);
  });

  it('reports odd stored values as undefined instead of passing them on', () => {
    const client = newBoard();
    const { cardId } = unwrap(addCard(client, parent, { category: 'harm' }));
    const { classify } = setup(client);
    expect(classify(() => card(client, cardId).set('category', new Y.Map()))).toEqual([
      { kind: 'card-moved', cardId, authorId: 'mum', category: undefined },
    ]);
  });

  it('never throws: garbage bytes and updates with missing parts classify as unknown, not intact', () => {
    const { shadow, client, updateOf } = setup();
    const garbage = applyAndClassify(shadow, new Uint8Array([1, 2, 3, 250, 250]));
    expect(garbage.intact).toBe(false);
    expect(garbage.changes).toEqual([
      { kind: 'unknown', path: [], reason: 'the update could not be applied' },
    ]);
    const fresh = setup(client);
    updateOf(() => addCard(client, parent, { category: 'harm' })); // never delivered
    const second = updateOf(() => addCard(client, parent, { category: 'nextStep' }));
    const waiting = applyAndClassify(fresh.shadow, second);
    expect(waiting).toEqual({
      changes: [
        { kind: 'unknown', path: [], reason: 'the update depends on content the board does not have' },
      ],
      lockedBefore: false,
      intact: false,
      layoutProblems: [],
    });
  });

  it('reports whether the board was locked before the update', () => {
    const { client, shadow, updateOf } = setup();
    const lock = updateOf(() => client.getMap('meta').set('locked', true));
    expect(applyAndClassify(shadow, lock)).toEqual({
      changes: [{ kind: 'meta-field', field: 'locked', value: true }],
      lockedBefore: false,
      intact: true,
      layoutProblems: [],
    });
    const title = updateOf(() => client.getMap('meta').set('title', 'x'));
    expect(applyAndClassify(shadow, title).lockedBefore).toBe(true);
  });
});
