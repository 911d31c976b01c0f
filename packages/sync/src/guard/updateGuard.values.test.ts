import {
  type Actor,
  addCard,
  addNetworkMember,
  addPair,
  addRule,
  asParticipantId,
  type CardId,
  deleteCard,
  initBoard,
  LIMITS,
  OVERALL_SCALE_ID,
  type PairId,
  type PermissionVerdict,
  type Role,
  rate,
  setCardText,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memberAccess } from '../testing/harness.js';
import { createUpdateGuard } from './updateGuard.js';

// Issue 12, "forged and vanishing content": the guard checks values and the contents of new
// records, not only the keys an update touches. Each attempt is a real Y update from a client copy.

const sam: Actor = { participantId: asParticipantId('sam'), role: 'practitioner' };
const mum: Actor = { participantId: asParticipantId('mum'), role: 'family' };
const fay: Actor = { participantId: asParticipantId('fay'), role: 'facilitator' };

type AnyMap = Y.Map<unknown>;

function boardWithPair() {
  const board = new Y.Doc();
  initBoard(board, { title: 'Review', createdAt: 1 });
  const pair = addPair(board, sam, { dangerStatement: 'Worry', safetyGoal: 'Goal' });
  if (!pair.ok) throw new Error('addPair failed');
  const mumCard = addCard(board, mum, { category: 'existingStrength', text: 'Gran helps' });
  if (!mumCard.ok) throw new Error('addCard failed');
  const rule = addRule(board, sam, { text: 'Gran visits' });
  if (!rule.ok) throw new Error('addRule failed');
  return { board, ...pair.value, mumCard: mumCard.value.cardId };
}

const cards = (doc: Y.Doc) => doc.getMap<unknown>('cards');
const card = (doc: Y.Doc, id: string) => cards(doc).get(id) as AnyMap;
const scale = (doc: Y.Doc, id: string) => doc.getMap<unknown>('scales').get(id) as AnyMap;
const ratings = (doc: Y.Doc, id: string) => scale(doc, id).get('ratings') as AnyMap;

/** Runs `op` on a copy of `board` in one transaction and asks a fresh guard about the update. */
function attempt(
  board: Y.Doc,
  who: Actor | { participantId?: undefined; role: Role },
  op: (doc: Y.Doc) => void,
) {
  const guard = createUpdateGuard(board);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(board));
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  client.transact(() => op(client));
  const access =
    who.participantId === undefined
      ? { connectionId: 'c1', role: who.role, canWriteDoc: true }
      : memberAccess('c1', who.role, who.participantId);
  const verdict: PermissionVerdict = guard.check(Y.mergeUpdates(updates), access);
  guard.destroy();
  return verdict;
}

/** A well-formed card record written by hand (what a hostile client can build). */
function rawCard(doc: Y.Doc, key: string, fields: Record<string, unknown> = {}): AnyMap {
  const map = new Y.Map<unknown>();
  cards(doc).set(key, map);
  const base: Record<string, unknown> = {
    id: key,
    category: 'harm',
    authorId: 'mum',
    authorRole: 'family',
    createdAt: 1,
    updatedAt: 1,
    order: 1,
    professionalsOnly: false,
    pairId: null,
    ...fields,
  };
  for (const [field, value] of Object.entries(base)) if (value !== undefined) map.set(field, value);
  map.set('marks', new Y.Map());
  const text = new Y.Text();
  map.set('text', text);
  text.insert(0, 'hello');
  return map;
}

function rawPairAndScale(doc: Y.Doc, pairId: string, forged: Record<string, unknown>) {
  const ds = rawCard(doc, 'ds1', { category: 'dangerStatement', pairId });
  const sg = rawCard(doc, 'sg1', { category: 'safetyGoal', pairId });
  const pair = new Y.Map<unknown>();
  doc.getMap('pairs').set(pairId, pair);
  pair.set('id', pairId);
  pair.set('dangerStatementId', ds.get('id'));
  pair.set('safetyGoalId', sg.get('id'));
  pair.set('createdAt', 1);
  const newScale = new Y.Map<unknown>();
  doc.getMap('scales').set(pairId, newScale);
  newScale.set('id', pairId);
  newScale.set('mode', 'revealed');
  const newRatings = new Y.Map<unknown>();
  newScale.set('ratings', newRatings);
  for (const [who, rating] of Object.entries(forged)) newRatings.set(who, rating);
}

describe('[AC8] forged scores inside new records', () => {
  it('refuses a new pair whose new scale already holds a rating under another person’s id', () => {
    const { board } = boardWithPair();
    const forged = { sam: { value: 0, reason: 'forged', at: 1 } };
    expect(attempt(board, mum, (doc) => rawPairAndScale(doc, 'p-new', forged))).toMatchObject({
      ok: false,
      rule: 'AC8',
    });
    // Through the model's own op plus one write in the same transaction.
    expect(
      attempt(board, mum, (doc) => {
        const made = addPair(doc, mum, { dangerStatement: 'a', safetyGoal: 'b' });
        if (made.ok) ratings(doc, made.value.pairId).set('sam', { value: 0, reason: 'forged', at: 1 });
      }),
    ).toMatchObject({ ok: false, rule: 'AC8' });
    // The same pair with no forged rating is fine, and so is one's own rating.
    expect(attempt(board, mum, (doc) => rawPairAndScale(doc, 'p-new', {}))).toEqual({ ok: true });
    expect(
      attempt(board, mum, (doc) => rawPairAndScale(doc, 'p-new', { mum: { value: 3, reason: '', at: 1 } })),
    ).toEqual({ ok: true });
  });

  it('refuses a new scale that already lists who scored privately (server only)', () => {
    const { board } = boardWithPair();
    expect(
      attempt(board, fay, (doc) => {
        rawPairAndScale(doc, 'p-new', {});
        const scored = new Y.Map<unknown>();
        scale(doc, 'p-new').set('scored', scored);
        scored.set('fay', true);
      }),
    ).toMatchObject({ ok: false, rule: 'AC17' });
  });

  it('refuses a pair with the reserved id `overall`, and taking over the overall scale', () => {
    const { board } = boardWithPair();
    expect(attempt(board, mum, (doc) => rawPairAndScale(doc, OVERALL_SCALE_ID, {}))).toMatchObject({
      ok: false,
      rule: 'AC19',
    });
    // The second step of the attack, had a pair `overall` got in: replace the pair and the scale.
    const taken = new Y.Doc();
    Y.applyUpdate(taken, Y.encodeStateAsUpdate(board));
    taken.transact(() => {
      const pair = new Y.Map<unknown>();
      taken.getMap('pairs').set(OVERALL_SCALE_ID, pair);
      pair.set('id', OVERALL_SCALE_ID);
    });
    expect(
      attempt(taken, mum, (doc) => {
        doc.getMap('pairs').delete(OVERALL_SCALE_ID);
        rawPairAndScale(doc, OVERALL_SCALE_ID, { sam: { value: 0, reason: 'forged', at: 1 } });
      }),
    ).toMatchObject({ ok: false });
    expect(
      attempt(board, fay, (doc) => {
        const fresh = new Y.Map<unknown>();
        doc.getMap('scales').set(OVERALL_SCALE_ID, fresh);
        fresh.set('id', OVERALL_SCALE_ID);
        fresh.set('mode', 'revealed');
        fresh.set('ratings', new Y.Map());
      }),
    ).toMatchObject({ ok: false });
  });
});

describe('[AC19] every value checked against the layout, for every role', () => {
  /** Nests maps `depth` deep under `parent[key]`, each attached before the next is made. */
  const nest = (parent: AnyMap, key: string, depth: number) => {
    let current = parent;
    let field = key;
    for (let i = 0; i < depth; i++) {
      const next = new Y.Map<unknown>();
      current.set(field, next);
      current = next;
      field = 'x';
    }
  };
  const cases: ReadonlyArray<[string, (doc: Y.Doc, ids: ReturnType<typeof boardWithPair>) => void]> = [
    [
      'card text over the limit',
      (doc, { mumCard }) =>
        (card(doc, mumCard).get('text') as Y.Text).insert(0, 'x'.repeat(LIMITS.cardText + 1)),
    ],
    [
      'a 200,000-character reason',
      (doc) => ratings(doc, OVERALL_SCALE_ID).set('mum', { value: 3, reason: 'r'.repeat(200_000), at: 1 }),
    ],
    [
      'a 50 KB object as a mark',
      (doc, { mumCard }) =>
        (card(doc, mumCard).get('marks') as AnyMap).set('mum', { blob: 'b'.repeat(50_000) }),
    ],
    [
      'an unknown field on a new network member',
      (doc) => {
        const member = new Y.Map<unknown>();
        doc.getMap('network').set('n1', member);
        for (const [k, v] of Object.entries({
          id: 'n1',
          name: 'Gran',
          relationship: '',
          contact: '',
          agreedTo: '',
          toldAboutWorries: false,
          order: 1,
          evil: 'x',
        }))
          member.set(k, v);
      },
    ],
    [
      'an unknown field on a new rule',
      (doc) => {
        addRule(doc, mum, { text: 'x' });
        const rule = [...doc.getMap<AnyMap>('rules').values()].find((r) => r.get('text')?.toString() === 'x');
        rule?.set('evil', 1);
      },
    ],
    [
      'a rule text that is not a Y.Text',
      (doc) => {
        const rule = new Y.Map<unknown>();
        doc.getMap('rules').set('r1', rule);
        rule.set('id', 'r1');
        rule.set('order', 1);
        for (const key of ['text', 'redFlags', 'networkResponse', 'howChildWillKnow'])
          rule.set(key, { not: 'text' });
      },
    ],
    [
      'records nested thousands of maps deep',
      (doc, { mumCard }) => nest(card(doc, mumCard).get('marks') as AnyMap, 'mum', 3000),
    ],
    [
      'a Y.Map inside card text',
      (doc, { mumCard }) => (card(doc, mumCard).get('text') as Y.Text).insertEmbed(0, new Y.Map()),
    ],
    [
      'formatting attributes in card text',
      (doc, { mumCard }) => (card(doc, mumCard).get('text') as Y.Text).insert(0, 'bold', { bold: true }),
    ],
    ['a new card whose id names another card', (doc, { mumCard }) => rawCard(doc, 'c-new', { id: mumCard })],
    ['a non-number order', (doc, { mumCard }) => card(doc, mumCard).set('order', 'first')],
    ['a non-number createdAt on a new card', (doc) => rawCard(doc, 'c-new', { createdAt: 'yesterday' })],
    ['a non-number updatedAt', (doc, { mumCard }) => card(doc, mumCard).set('updatedAt', { at: 1 })],
    [
      'a move to category "constructor"',
      (doc, { mumCard }) => card(doc, mumCard).set('category', 'constructor'),
    ],
    ['a rating of 99', (doc) => ratings(doc, OVERALL_SCALE_ID).set('mum', { value: 99, reason: '', at: 1 })],
    [
      'a rating with an unknown field',
      (doc) => ratings(doc, OVERALL_SCALE_ID).set('mum', { value: 3, reason: '', at: 1, extra: true }),
    ],
    ['pairId set to a number', (doc, { mumCard }) => card(doc, mumCard).set('pairId', 5)],
    ['a title over the limit', (doc) => doc.getMap('meta').set('title', 't'.repeat(LIMITS.title + 1))],
    ['a plan date that is not a date', (doc) => doc.getMap('plan').set('reviewDate', 'soon')],
  ];

  it.each(cases)('refuses %s, even from a facilitator', (_name, op) => {
    const ids = boardWithPair();
    // A legacy connection passes the own-id checks, so only the layout check is left to refuse.
    expect(attempt(ids.board, { role: 'facilitator' }, (doc) => op(doc, ids))).toMatchObject({
      ok: false,
      rule: 'AC19',
    });
    expect(attempt(ids.board, mum, (doc) => op(doc, ids))).toMatchObject({ ok: false });
  });

  it('still accepts the model’s own writes', () => {
    const ids = boardWithPair();
    expect(
      attempt(ids.board, mum, (doc) => rate(doc, mum, OVERALL_SCALE_ID, { value: 4, reason: 'ok' })),
    ).toEqual({
      ok: true,
    });
    expect(attempt(ids.board, mum, (doc) => addNetworkMember(doc, mum, { name: 'Gran' }))).toEqual({
      ok: true,
    });
    expect(attempt(ids.board, mum, (doc) => addRule(doc, mum, { text: 'Gran visits' }))).toEqual({
      ok: true,
    });
    expect(
      attempt(ids.board, mum, (doc) => addPair(doc, mum, { dangerStatement: 'a', safetyGoal: 'b' })),
    ).toEqual({
      ok: true,
    });
    expect(attempt(ids.board, mum, (doc) => deleteCard(doc, mum, ids.mumCard))).toEqual({ ok: true });
  });
});

describe('[AC19] records stored before the value rules', () => {
  it('checks only the fields an update writes on an existing record: an old odd card can still be edited and deleted', () => {
    const ids = boardWithPair();
    card(ids.board, ids.mumCard).set('colour', 'red'); // stored before the rules, not through the guard
    expect(attempt(ids.board, mum, (doc) => setCardText(doc, mum, ids.mumCard, 'Gran helps a lot'))).toEqual({
      ok: true,
    });
    expect(attempt(ids.board, mum, (doc) => deleteCard(doc, mum, ids.mumCard))).toEqual({ ok: true });
    expect(attempt(ids.board, mum, (doc) => card(doc, ids.mumCard).set('colour', 'blue'))).toMatchObject({
      ok: false,
      rule: 'AC19',
    });
  });
});

describe('[AC19] reserved and malformed ids as keys', () => {
  const reserved = ['__proto__', 'constructor', 'prototype', 'has space'];
  it.each(reserved)('refuses %s as a card, network, rule, mark, rating and responsible key', (key) => {
    const ids = boardWithPair();
    const legacy = { role: 'facilitator' as const };
    const ops: Array<(doc: Y.Doc) => void> = [
      (doc) => rawCard(doc, key, { id: key }),
      (doc) => (card(doc, ids.mumCard).get('marks') as AnyMap).set(key, 'agree'),
      (doc) => ratings(doc, OVERALL_SCALE_ID).set(key, { value: 3, reason: '', at: 1 }),
      (doc) => {
        const member = new Y.Map<unknown>();
        doc.getMap('network').set(key, member);
        for (const [k, v] of Object.entries({
          id: key,
          name: '',
          relationship: '',
          contact: '',
          agreedTo: '',
          toldAboutWorries: false,
          order: 1,
        }))
          member.set(k, v);
      },
      (doc) => {
        const rule = [...doc.getMap<AnyMap>('rules').values()][0] as AnyMap;
        (rule.get('responsible') as AnyMap).set(key, true);
      },
    ];
    for (const op of ops) expect(attempt(ids.board, legacy, op)).toMatchObject({ ok: false, rule: 'AC19' });
  });
});

describe('[AC15] unpairing', () => {
  it('refuses a family member clearing the pairId of a paired card', () => {
    const { board, dangerStatementId, safetyGoalId } = boardWithPair();
    for (const id of [dangerStatementId, safetyGoalId]) {
      expect(attempt(board, mum, (doc) => card(doc, id).set('pairId', null))).toMatchObject({
        ok: false,
        rule: 'AC15',
      });
      expect(attempt(board, mum, (doc) => card(doc, id).set('pairId', 'elsewhere'))).toMatchObject({
        ok: false,
        rule: 'AC15',
      });
    }
    // Both at once is no way round it either.
    expect(
      attempt(board, mum, (doc) => {
        card(doc, dangerStatementId).set('pairId', null);
        card(doc, safetyGoalId).set('pairId', null);
      }),
    ).toMatchObject({ ok: false, rule: 'AC15' });
    expect(attempt(board, fay, (doc) => card(doc, dangerStatementId).set('pairId', null))).toEqual({
      ok: true,
    });
  });

  it('lets a writer delete a paired card of their own: the partner is unpaired with it', () => {
    const board = new Y.Doc();
    initBoard(board, { title: 'Review', createdAt: 1 });
    const made = addPair(board, mum, { dangerStatement: 'Worry', safetyGoal: 'Goal' });
    if (!made.ok) throw new Error('addPair failed');
    const { dangerStatementId } = made.value as { dangerStatementId: CardId; pairId: PairId };
    expect(attempt(board, mum, (doc) => deleteCard(doc, mum, dangerStatementId))).toEqual({ ok: true });
  });
});
