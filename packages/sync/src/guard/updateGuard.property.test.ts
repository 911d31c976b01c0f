import {
  type Actor,
  addCard,
  addNetworkMember,
  addPair,
  addRule,
  asParticipantId,
  buildBoardExport,
  CARD_FIELDS,
  CATEGORIES,
  type CardId,
  deleteCard,
  importBoard,
  initBoard,
  moveCard,
  OVERALL_SCALE_ID,
  type PairId,
  parseBoardExport,
  rate,
  readBoard,
  setCardText,
  setMark,
  unpair,
} from '@kinmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memberAccess } from '../testing/harness.js';
import { createUpdateGuard } from './updateGuard.js';

/**
 * Issue 12, property test: random valid and malformed updates from every writing role, each
 * judged by the real update guard and, when accepted, applied to the board as the room does.
 * Invariants after every accepted update: every card in the document is readable (readBoard
 * returns it); nothing new is attributed to someone other than its sender. At the end: the
 * board exports, parses and re-imports identically. Deterministic seed, bounded runs.
 */

type AnyMap = Y.Map<unknown>;

const PEOPLE: readonly Actor[] = [
  { participantId: asParticipantId('fay'), role: 'facilitator' },
  { participantId: asParticipantId('sam'), role: 'practitioner' },
  { participantId: asParticipantId('mum'), role: 'family' },
  { participantId: asParticipantId('neil'), role: 'network' },
];
const IDS = ['fay', 'sam', 'mum', 'neil', '__proto__', 'constructor', 'bad id', 'overall'];

/** A value a hostile client might store; Y types are made when the action runs. */
const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    99,
    1.5,
    Number.NaN,
    'constructor',
    '__proto__',
    'harm',
    'agree',
    'x'.repeat(25_000),
    { value: 99, reason: '', at: 1 },
    { value: 3, reason: 'r'.repeat(3_000), at: 1 },
    { value: 3, reason: '', at: 1, extra: 1 },
    { value: 3, reason: '', at: 1 },
    'ymap',
    'ytext',
    'deep',
  ),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
);

/** Mostly a well-formed rating, so forging (not only malformed values) is tried often. */
const ratingValue = fc.oneof(
  { arbitrary: fc.constant<unknown>({ value: 3, reason: 'forged', at: 1 }), weight: 3 },
  { arbitrary: hostileValue, weight: 1 },
);

function materialise(value: unknown): unknown {
  if (value === 'ymap') return new Y.Map();
  if (value === 'ytext') return new Y.Text('plain');
  return value;
}

/** Sets `value` under `key` of `map`; 'deep' nests maps a hundred deep, one attached at a time. */
function put(map: AnyMap, key: string, value: unknown): void {
  if (value !== 'deep') {
    map.set(key, materialise(value));
    return;
  }
  let current = map;
  let field = key;
  for (let i = 0; i < 100; i++) {
    const next = new Y.Map<unknown>();
    current.set(field, next);
    current = next;
    field = 'x';
  }
}

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[index % items.length];
const cardIds = (doc: Y.Doc) => [...doc.getMap<unknown>('cards').keys()] as CardId[];
const scaleIds = (doc: Y.Doc) => [...doc.getMap<unknown>('scales').keys()];
const pairIds = (doc: Y.Doc) => [...doc.getMap<unknown>('pairs').keys()] as PairId[];
const asMap = (value: unknown): AnyMap | null => (value instanceof Y.Map ? (value as AnyMap) : null);

type Action = (doc: Y.Doc, actor: Actor) => void;

const action: fc.Arbitrary<Action> = fc.oneof(
  // What the model's own operations write.
  fc.tuple(fc.constantFrom(...CATEGORIES), fc.string({ maxLength: 20 })).map(
    ([category, text]): Action =>
      (doc, actor) =>
        addCard(doc, actor, { category, text }),
  ),
  fc.tuple(fc.nat(), fc.string({ maxLength: 20 })).map(
    ([i, text]): Action =>
      (doc, actor) => {
        const id = pick(cardIds(doc), i);
        if (id !== undefined) setCardText(doc, actor, id, text);
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom('agree', 'dispute', null)).map(
    ([i, mark]): Action =>
      (doc, actor) => {
        const id = pick(cardIds(doc), i);
        if (id !== undefined) setMark(doc, actor, id, mark);
      },
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 10 })).map(
    ([i, value]): Action =>
      (doc, actor) => {
        const id = pick(scaleIds(doc), i) ?? OVERALL_SCALE_ID;
        rate(doc, actor, id as typeof OVERALL_SCALE_ID, { value, reason: 'because' });
      },
  ),
  fc.nat().map(
    (i): Action =>
      (doc, actor) => {
        const id = pick(cardIds(doc), i);
        if (id !== undefined) deleteCard(doc, actor, id);
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...CATEGORIES)).map(
    ([i, category]): Action =>
      (doc, actor) => {
        const id = pick(cardIds(doc), i);
        if (id !== undefined) moveCard(doc, actor, id, { category, index: 0 });
      },
  ),
  fc.constant<Action>((doc, actor) => addPair(doc, actor, { dangerStatement: 'd', safetyGoal: 'g' })),
  fc.nat().map(
    (i): Action =>
      (doc, actor) => {
        const id = pick(pairIds(doc), i);
        if (id !== undefined) unpair(doc, actor, id);
      },
  ),
  fc.constant<Action>((doc, actor) => addNetworkMember(doc, actor, { name: 'Gran' })),
  fc.constant<Action>((doc, actor) => addRule(doc, actor, { text: 'Gran visits' })),
  // Raw writes a hostile client can make.
  fc.tuple(fc.nat(), fc.constantFrom(...CARD_FIELDS, 'evil'), hostileValue).map(
    ([i, field, value]): Action =>
      (doc) => {
        const card = asMap(doc.getMap<unknown>('cards').get(pick(cardIds(doc), i) ?? ''));
        if (card !== null) put(card, field, value);
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...IDS), ratingValue).map(
    ([i, who, value]): Action =>
      (doc) => {
        const scale = asMap(doc.getMap<unknown>('scales').get(pick(scaleIds(doc), i) ?? ''));
        const ratings = asMap(scale?.get('ratings'));
        if (ratings !== null) put(ratings, who, value);
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...IDS), hostileValue).map(
    ([i, who, value]): Action =>
      (doc) => {
        const card = asMap(doc.getMap<unknown>('cards').get(pick(cardIds(doc), i) ?? ''));
        const marks = asMap(card?.get('marks'));
        if (marks !== null) put(marks, who, value);
      },
  ),
  fc
    .tuple(
      fc.constantFrom('c-new', '__proto__', 'constructor', 'existing', 'bad id'),
      fc.constantFrom(...CARD_FIELDS, 'evil'),
      hostileValue,
      fc.constantFrom(...IDS),
    )
    .map(
      ([key, field, value, markedBy]): Action =>
        (doc, actor) => {
          const id = key === 'existing' ? (cardIds(doc)[0] ?? 'c-new') : key;
          const card = new Y.Map<unknown>();
          doc.getMap<unknown>('cards').set(id, card);
          const fields: Record<string, unknown> = {
            id,
            category: 'harm',
            authorId: actor.participantId,
            authorRole: actor.role,
            createdAt: 1,
            updatedAt: 1,
            order: 1,
            professionalsOnly: false,
            pairId: null,
          };
          for (const [name, v] of Object.entries(fields)) card.set(name, v);
          const marks = new Y.Map<unknown>();
          card.set('marks', marks);
          marks.set(markedBy, 'agree');
          const text = new Y.Text();
          card.set('text', text);
          text.insert(0, 'raw');
          put(card, field, value);
        },
    ),
  fc.tuple(fc.constantFrom('p-new', OVERALL_SCALE_ID, '__proto__'), fc.constantFrom(...IDS), ratingValue).map(
    ([pairId, who, value]): Action =>
      (doc, actor) => {
        const made = addPair(doc, actor, { dangerStatement: 'd', safetyGoal: 'g' });
        if (!made.ok) return;
        const pair = asMap(doc.getMap<unknown>('pairs').get(made.value.pairId));
        const scale = asMap(doc.getMap<unknown>('scales').get(made.value.pairId));
        if (pair === null || scale === null) return;
        if (pairId !== 'p-new') {
          // Re-key the pair and its scale (the `overall` takeover).
          const copy = new Y.Map<unknown>();
          doc.getMap<unknown>('pairs').set(pairId, copy);
          for (const [k, v] of pair.entries()) copy.set(k, k === 'id' ? pairId : v);
          const newScale = new Y.Map<unknown>();
          doc.getMap<unknown>('scales').set(pairId, newScale);
          newScale.set('id', pairId);
          newScale.set('mode', 'revealed');
          const ratings = new Y.Map<unknown>();
          newScale.set('ratings', ratings);
          put(ratings, who, value);
          return;
        }
        put(scale.get('ratings') as AnyMap, who, value);
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom('embed', 'format', 'attribute')).map(
    ([i, how]): Action =>
      (doc) => {
        const card = asMap(doc.getMap<unknown>('cards').get(pick(cardIds(doc), i) ?? ''));
        const text = card?.get('text');
        if (!(text instanceof Y.Text)) return;
        if (how === 'embed') text.insertEmbed(0, new Y.Map());
        else if (how === 'format') text.insert(0, 'b', { bold: true });
        else text.setAttribute('colour', 'red');
      },
  ),
  fc.tuple(fc.constantFrom('network', 'rules'), fc.string({ maxLength: 12 }), hostileValue).map(
    ([root, field, value]): Action =>
      (doc) => {
        const record = asMap([...doc.getMap<unknown>(root).values()][0]);
        if (record !== null) put(record, field, value);
      },
  ),
);

const step = fc.record({
  who: fc.nat({ max: PEOPLE.length - 1 }),
  actions: fc.array(action, { minLength: 1, maxLength: 3 }),
});

function seedBoard(): Y.Doc {
  const board = new Y.Doc();
  initBoard(board, { title: 'Review', createdAt: 1 });
  const [fay, sam, mum] = PEOPLE as [Actor, Actor, Actor, Actor];
  addPair(board, sam, { dangerStatement: 'Worry', safetyGoal: 'Goal' });
  addCard(board, mum, { category: 'existingStrength', text: 'Gran helps' });
  addNetworkMember(board, fay, { name: 'Gran' });
  addRule(board, fay, { text: 'Gran visits' });
  return board;
}

/** Who each stored authorship, mark and rating names, keyed by where it is. */
function attributions(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>();
  const show = (v: unknown) =>
    v instanceof Y.AbstractType ? `type:${v.constructor.name}` : JSON.stringify(v);
  for (const [cardId, value] of doc.getMap<unknown>('cards').entries()) {
    const card = asMap(value);
    if (card === null) continue;
    out.set(`author ${cardId}`, show(card.get('authorId')));
    // Which record this is: a card replaced under the same id is a new card.
    out.set(`record ${cardId}`, `${card._item?.id.client}:${card._item?.id.clock}`);
    for (const [who, mark] of asMap(card.get('marks'))?.entries() ?? [])
      out.set(`mark ${cardId} ${who}`, show(mark));
  }
  for (const [scaleId, value] of doc.getMap<unknown>('scales').entries()) {
    for (const [who, rating] of asMap(asMap(value)?.get('ratings'))?.entries() ?? [])
      out.set(`rating ${scaleId} ${who}`, show(rating));
  }
  return out;
}

/** What became attributed to someone else than `sender` between `before` and `after`. */
function misattributed(before: Map<string, string>, after: Map<string, string>, sender: Actor): string[] {
  const staff = sender.role === 'facilitator' || sender.role === 'practitioner';
  const wrong: string[] = [];
  for (const [where, value] of after) {
    if (before.get(where) === value) continue;
    const [kind, record, who] = where.split(' ');
    // A professional may bring a card with its author and marks between the two documents [AC6].
    const newCard = before.get(`record ${record}`) !== after.get(`record ${record}`);
    if (kind === 'author' && !(staff && newCard) && value !== JSON.stringify(sender.participantId))
      wrong.push(where);
    if (kind === 'mark' && !(staff && newCard) && who !== sender.participantId) wrong.push(where);
    if (kind === 'rating' && who !== sender.participantId) wrong.push(where);
  }
  return wrong;
}

describe('the update guard under random valid and malformed updates (issue 12)', () => {
  it('accepts only what is readable, exportable and attributed to its sender', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const board = seedBoard();
        const guard = createUpdateGuard(board);
        for (const { who, actions } of steps) {
          const sender = PEOPLE[who] as Actor;
          const client = new Y.Doc();
          Y.applyUpdate(client, Y.encodeStateAsUpdate(board));
          const updates: Uint8Array[] = [];
          client.on('update', (update: Uint8Array) => updates.push(update));
          client.transact(() => {
            for (const act of actions) act(client, sender);
          });
          client.destroy();
          if (updates.length === 0) continue;
          const update = Y.mergeUpdates(updates);
          const verdict = guard.check(update, memberAccess('c1', sender.role, sender.participantId));
          if (!verdict.ok) {
            refused++;
            continue;
          }
          accepted++;
          const before = attributions(board);
          Y.applyUpdate(board, update);
          expect(misattributed(before, attributions(board), sender)).toEqual([]);
          // Whatever is stored is readable: no card silently dropped by the reader.
          expect(Object.keys(readBoard(board).cards).sort()).toEqual(
            [...board.getMap<unknown>('cards').keys()].sort(),
          );
        }
        guard.destroy();
        const exported = buildBoardExport({
          board: { id: 'board-1', title: readBoard(board).meta.title },
          version: null,
          meeting: null,
          shared: readBoard(board),
          restricted: null,
          exportedAt: 1,
        });
        const parsed = parseBoardExport(JSON.parse(JSON.stringify(exported)));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const [copy, copyRestricted] = [new Y.Doc(), new Y.Doc()];
        expect(importBoard(copy, copyRestricted, parsed.value, { now: 2 }).ok).toBe(true);
        expect(readBoard(copy)).toEqual(exported.shared);
      }),
      { seed: 12, numRuns: 100 },
    );
    // Both sides of the guard were exercised.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});
