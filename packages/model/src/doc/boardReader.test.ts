import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPair, pairCards } from '../cards/analysis.js';
import { addCard, deleteCard, editCardText, moveCard, setMark } from '../cards/cards.js';
import { addNetworkMember } from '../plan/network.js';
import { addRule, setPlan } from '../plan/plan.js';
import {
  newBoard,
  PEOPLE,
  parent,
  practitioner,
  prng,
  randomBoard,
  randomEdits,
  unwrap,
} from '../test-support.js';
import { createBoardReader } from './boardReader.js';
import { readBoardWithRepairs } from './read.js';
import type { BoardState, CardId } from './types.js';

/**
 * The incremental reader reads exactly what readBoardWithRepairs reads (repairs included) after any
 * change, and keeps the identity of everything the change did not touch.
 */

const cards = (doc: Y.Doc) => doc.getMap<unknown>('cards');
const cardMap = (doc: Y.Doc, id: string) => cards(doc).get(id) as Y.Map<unknown>;
/** A random stored card that is a map (some entries are hostile plain values). */
function someCard(doc: Y.Doc, rng: ReturnType<typeof prng>): Y.Map<unknown> | undefined {
  const maps = [...cards(doc).values()].filter((value) => value instanceof Y.Map) as Y.Map<unknown>[];
  return maps[rng.int(maps.length)];
}

function addHarm(doc: Y.Doc, text: string): CardId {
  return unwrap(addCard(doc, practitioner, { category: 'harm', text })).cardId;
}

/** Cards of `before` that are not the same object in `after`. */
function replaced(before: BoardState, after: BoardState): string[] {
  return Object.keys(after.cards).filter((id) => before.cards[id] !== after.cards[id]);
}

/** Hostile writes a foreign client could make, bypassing the ops: each one needs a repair. */
const RAW_WRITES: readonly ((doc: Y.Doc, rng: ReturnType<typeof prng>) => void)[] = [
  (doc, rng) => someCard(doc, rng)?.set('order', 'not a number'),
  (doc, rng) => someCard(doc, rng)?.set('pairId', 42),
  (doc) => cards(doc).set('not an id!', new Y.Map()),
  (doc) => cards(doc).set('__proto__', 'a string, not a card'),
  (doc, rng) => someCard(doc, rng)?.set('marks', 'wrong'),
  (doc) => doc.getMap('pairs').set(`pbad${doc.getMap('pairs').size}`, new Y.Map()),
  (doc) => doc.getMap('meta').set('title', 7),
  (doc) => doc.getMap('plan').set('reviewDate', 'soon'),
  (doc, rng) => {
    const id = [...doc.getMap('rules').keys()][rng.int(doc.getMap('rules').size)];
    const rule = id ? (doc.getMap('rules').get(id) as Y.Map<unknown>) : null;
    rule?.set('responsible', 'everyone');
  },
];

describe('createBoardReader', () => {
  it('reads what readBoardWithRepairs reads after every random change, hostile writes included', {
    timeout: 180_000,
  }, () => {
    for (let seed = 1; seed <= 8; seed++) {
      const rng = prng(seed);
      const doc = randomBoard(rng, 10);
      const reader = createBoardReader(doc);
      expect(reader.read()).toEqual(readBoardWithRepairs(doc));
      for (let step = 0; step < 100; step++) {
        if (rng.chance(0.15)) {
          const write = RAW_WRITES[rng.int(RAW_WRITES.length)];
          doc.transact(() => write?.(doc, rng));
        } else if (rng.chance(0.1)) {
          // A concurrent change from another replica, arriving as one update.
          const other = new Y.Doc();
          Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
          randomEdits(rng, other, 1 + rng.int(3));
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
        } else {
          randomEdits(rng, doc, 1);
        }
        const reading = reader.read();
        const full = readBoardWithRepairs(doc);
        expect(reading.state, `seed ${seed} step ${step}`).toEqual(full.state);
        expect(reading.repairs, `seed ${seed} step ${step}`).toEqual(full.repairs);
      }
      reader.destroy();
    }
  });

  it('returns the same reading while nothing changed, and stops following once destroyed', () => {
    const doc = newBoard();
    addHarm(doc, 'one');
    const reader = createBoardReader(doc);
    const first = reader.read();
    expect(reader.read()).toBe(first);
    doc.transact(() => {}); // a transaction that changes nothing
    expect(reader.read().state).toBe(first.state);
    reader.destroy();
  });

  it('a keystroke in one card keeps every other card, and every other part, the same object', () => {
    const doc = newBoard();
    const ids = Array.from({ length: 50 }, (_, i) => addHarm(doc, `card ${i}`));
    unwrap(addRule(doc, practitioner, { text: 'rule' }));
    unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' }));
    const pair = unwrap(addPair(doc, practitioner, { dangerStatement: 'worry', safetyGoal: 'goal' }));
    const reader = createBoardReader(doc);
    const before = reader.read().state;
    const typed = ids[17] as CardId;
    unwrap(editCardText(doc, practitioner, typed, { index: 0, deleteCount: 0, insert: 'x' }));
    const after = reader.read().state;
    expect(replaced(before, after)).toEqual([typed]);
    expect(after.cards[typed]?.text).toBe('xcard 17');
    for (const part of ['pairs', 'scales', 'participants', 'network', 'rules', 'plan', 'meta'] as const) {
      expect(after[part], part).toBe(before[part]);
    }
    expect(after.cards[pair.dangerStatementId]).toBe(before.cards[pair.dangerStatementId]);
  });

  it('additions, deletions, moves and marks replace only the cards they touch', () => {
    const doc = newBoard();
    const ids = Array.from({ length: 10 }, (_, i) => addHarm(doc, `card ${i}`));
    const reader = createBoardReader(doc);
    let before = reader.read().state;

    const added = addHarm(doc, 'new');
    let after = reader.read().state;
    expect(replaced(before, after)).toEqual([added]);

    before = after;
    unwrap(deleteCard(doc, practitioner, ids[3] as CardId));
    after = reader.read().state;
    expect(replaced(before, after)).toEqual([]);
    expect(Object.keys(after.cards)).not.toContain(ids[3]);
    expect(Object.keys(after.cards)).toHaveLength(10);

    before = after;
    unwrap(moveCard(doc, practitioner, ids[5] as CardId, { category: 'existingSafety', index: 0 }));
    after = reader.read().state;
    expect(replaced(before, after)).toEqual([ids[5]]);
    expect(after.cards[ids[5] as CardId]?.category).toBe('existingSafety');

    before = after;
    unwrap(setMark(doc, parent, ids[6] as CardId, 'agree'));
    after = reader.read().state;
    expect(replaced(before, after)).toEqual([ids[6]]);
    expect(after.pairs).toBe(before.pairs);
  });

  it('pairing and unpairing by deletion: the pair, its scale and its two cards change, nothing else', () => {
    const doc = newBoard();
    const others = Array.from({ length: 5 }, (_, i) => addHarm(doc, `card ${i}`));
    const danger = unwrap(addCard(doc, practitioner, { category: 'dangerStatement', text: 'd' })).cardId;
    const goal = unwrap(addCard(doc, practitioner, { category: 'safetyGoal', text: 'g' })).cardId;
    const reader = createBoardReader(doc);
    const before = reader.read().state;
    const { pairId } = unwrap(
      pairCards(doc, practitioner, { dangerStatementId: danger, safetyGoalId: goal }),
    );
    const paired = reader.read().state;
    expect(replaced(before, paired).sort()).toEqual([danger, goal].sort());
    expect(Object.keys(paired.pairs)).toEqual([pairId]);
    expect(Object.keys(paired.scales)).toContain(pairId);
    for (const id of others) expect(paired.cards[id]).toBe(before.cards[id]);

    // The safety goal goes: the pair is no longer intact, so the danger statement reads unpaired.
    unwrap(deleteCard(doc, practitioner, goal));
    const broken = reader.read();
    expect(broken).toEqual(readBoardWithRepairs(doc));
    expect(broken.state.cards[danger]?.pairId).toBeNull();
    expect(Object.keys(broken.state.pairs)).toEqual([]);
    for (const id of others) expect(broken.state.cards[id]).toBe(before.cards[id]);
  });

  it('a card whose pairId is unreadable is read again when the pair records change', () => {
    const doc = newBoard();
    const danger = unwrap(addCard(doc, practitioner, { category: 'dangerStatement', text: 'd' })).cardId;
    const goal = unwrap(addCard(doc, practitioner, { category: 'safetyGoal', text: 'g' })).cardId;
    const { pairId } = unwrap(
      pairCards(doc, practitioner, { dangerStatementId: danger, safetyGoalId: goal }),
    );
    const pairs = doc.getMap<unknown>('pairs');
    const stored = (pairs.get(pairId) as Y.Map<unknown>).toJSON();
    cardMap(doc, danger).set('pairId', 99);
    pairs.delete(pairId);
    const reader = createBoardReader(doc);
    expect(reader.read().state.cards[danger]?.pairId).toBeNull();
    // The pair record comes back: the damaged card's pairId is found through it, so the pair is intact.
    const again = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(stored)) again.set(key, value);
    pairs.set(pairId, again);
    expect(reader.read()).toEqual(readBoardWithRepairs(doc));
    expect(reader.read().state.cards[danger]?.pairId).toBe(pairId);
    expect(Object.keys(reader.read().state.pairs)).toEqual([pairId]);
  });

  it('a plan or title change keeps every card and the cards record itself', () => {
    const doc = newBoard();
    for (let i = 0; i < 5; i++) addHarm(doc, `card ${i}`);
    const reader = createBoardReader(doc);
    const before = reader.read().state;
    unwrap(setPlan(doc, PEOPLE[0] ?? practitioner, { bottomLines: 'no drinking' }));
    const after = reader.read().state;
    expect(after.cards).toBe(before.cards);
    expect(after.plan).not.toBe(before.plan);
    expect(after.plan.bottomLines).toBe('no drinking');
  });
});
