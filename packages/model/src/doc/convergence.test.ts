/**
 * Seeded random convergence: four replicas edit concurrently; their updates are delivered late,
 * out of order and duplicated. Once everything is delivered, every replica must read the same
 * board and that board must satisfy the model's invariants (see pairing.ts for pairs).
 * Failures reproduce from the seed in the test name: ids, client ids and choices are all seeded.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addPair, pairCards, unpair } from '../cards/analysis.js';
import { addCard, deleteCard, editCardText, moveCard, setCardText, setMark } from '../cards/cards.js';
import { addNetworkMember, removeNetworkMember, updateNetworkMember } from '../plan/network.js';
import { addRule, removeRule, setPlan, updateRule } from '../plan/plan.js';
import { clearRating, rate, setScaleMode } from '../scales/scales.js';
import { prng, type Rng } from '../test-support.js';
import { initBoard } from './board.js';
import { asParticipantId, asScaleId, OVERALL_SCALE_ID } from './ids.js';
import { Origins, originKind } from './origins.js';
import { readBoard } from './read.js';
import { splitsSurrogatePair } from './text.js';
import { type Actor, type BoardState, CATEGORIES, type Result, ROLES } from './types.js';

const WORDS = ['Dad shouted', 'dŵr', 'łóżko', 'الأم تهتم', 'والد نے', '😀', '👍🏽', 'Gran', ' ', 'x'];
const DATES = ['2025-01-31', '2025-06-01', null];
// Failures the fuzzer may legitimately provoke by choosing from a stale local view.
// 'wrong-mode': rating a scale that another replica opened for private collection ([PR1]).
const EXPECTED_FAILURES = new Set(['paired-card', 'already-paired', 'wrong-category', 'wrong-mode']);

interface Replica {
  readonly doc: Y.Doc;
  readonly actor: Actor;
  readonly inbox: Uint8Array[];
}

function words(rng: Rng): string {
  return Array.from({ length: 1 + rng.int(3) }, () => rng.pick(WORDS)).join('');
}

/** An index into `text` that does not fall inside a surrogate pair. */
function safeIndex(rng: Rng, text: string): number {
  const index = rng.int(text.length + 1);
  return splitsSurrogatePair(text, index) ? index - 1 : index;
}

type Op = (rng: Rng, replica: Replica, state: BoardState) => Result<unknown> | null;

const ids = <T>(record: Readonly<Record<string, T>>) => Object.keys(record).sort();

const OPS: readonly Op[] = [
  (rng, { doc, actor }) =>
    addCard(doc, actor, { category: rng.pick(CATEGORIES) ?? 'harm', text: words(rng), index: rng.int(4) }),
  (rng, { doc, actor }, s) => {
    const card = s.cards[rng.pick(ids(s.cards)) ?? ''];
    if (card === undefined) return null;
    const index = safeIndex(rng, card.text);
    let end = safeIndex(rng, card.text);
    if (end < index) end = index;
    return editCardText(doc, actor, card.id, { index, deleteCount: end - index, insert: words(rng) });
  },
  (rng, { doc, actor }, s) => {
    const card = s.cards[rng.pick(ids(s.cards)) ?? ''];
    return card
      ? setCardText(doc, actor, card.id, rng.chance(0.5) ? `${card.text}${words(rng)}` : words(rng))
      : null;
  },
  (rng, { doc, actor }, s) => {
    const card = s.cards[rng.pick(ids(s.cards)) ?? ''];
    const category = rng.chance(0.5) ? card?.category : rng.pick(CATEGORIES);
    return card && category ? moveCard(doc, actor, card.id, { category, index: rng.int(4) }) : null;
  },
  (rng, { doc, actor }, s) => {
    const id = rng.pick(ids(s.cards));
    return id && rng.chance(0.5) ? deleteCard(doc, actor, s.cards[id]?.id ?? (id as never)) : null;
  },
  (rng, { doc, actor }, s) => {
    const inCategory = (category: string) => ids(s.cards).filter((id) => s.cards[id]?.category === category);
    const dangerStatementId = rng.pick(inCategory('dangerStatement'));
    const safetyGoalId = rng.pick(inCategory('safetyGoal'));
    if (dangerStatementId === undefined || safetyGoalId === undefined) return null;
    return pairCards(doc, actor, { dangerStatementId, safetyGoalId } as never);
  },
  (rng, { doc, actor }) => addPair(doc, actor, { dangerStatement: words(rng), safetyGoal: words(rng) }),
  (rng, { doc, actor }, s) => {
    const pair = s.pairs[rng.pick(ids(s.pairs)) ?? ''];
    return pair && rng.chance(0.5) ? unpair(doc, actor, pair.id) : null;
  },
  (rng, { doc, actor }, s) => {
    const scaleId = asScaleId(rng.pick(ids(s.scales)) ?? OVERALL_SCALE_ID);
    if (rng.chance(0.15)) return clearRating(doc, actor, scaleId);
    if (rng.chance(0.15)) return setScaleMode(doc, actor, scaleId, rng.chance(0.5) ? 'private' : 'revealed');
    return rate(doc, actor, scaleId, { value: rng.int(11), reason: words(rng) });
  },
  (rng, { doc, actor }, s) => {
    const card = s.cards[rng.pick(ids(s.cards)) ?? ''];
    if (card === undefined) return null;
    if (rng.chance(0.3)) return setMark(doc, actor, card.id, rng.chance(0.5) ? 'agree' : null);
    return setMark(doc, actor, card.id, rng.pick(['agree', 'dispute', null] as const) ?? null);
  },
  (rng, { doc, actor }, s) => {
    if (rng.chance(0.3)) return setPlan(doc, actor, { reviewDate: rng.pick(DATES) ?? null });
    const keep = safeIndex(rng, s.plan.bottomLines);
    return setPlan(doc, actor, { bottomLines: `${s.plan.bottomLines.slice(0, keep)}${words(rng)}` });
  },
  (rng, { doc, actor }, s) => {
    const member = s.network[rng.pick(ids(s.network)) ?? ''];
    if (member === undefined || rng.chance(0.3)) return addNetworkMember(doc, actor, { name: words(rng) });
    if (rng.chance(0.3)) return removeNetworkMember(doc, actor, member.id);
    return updateNetworkMember(doc, actor, member.id, {
      agreedTo: words(rng),
      toldAboutWorries: rng.chance(0.5),
    });
  },
  (rng, { doc, actor }, s) => {
    const responsibleMemberIds = ids(s.network).filter(() => rng.chance(0.5)) as never[];
    const rule = s.rules[rng.pick(ids(s.rules)) ?? ''];
    if (rule === undefined || rng.chance(0.3))
      return addRule(doc, actor, { text: words(rng), responsibleMemberIds });
    if (rng.chance(0.2)) return removeRule(doc, actor, rule.id);
    return updateRule(doc, actor, rule.id, { redFlags: words(rng), responsibleMemberIds });
  },
];

function createReplicas(rng: Rng): Replica[] {
  const base = new Y.Doc();
  base.clientID = 100;
  initBoard(base, { title: 'Fuzz', createdAt: 0 });
  const snapshot = Y.encodeStateAsUpdate(base);
  const replicas: Replica[] = [];
  for (let i = 0; i < 4; i++) {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    Y.applyUpdate(doc, snapshot, Origins.remote);
    const actor = { participantId: asParticipantId(`p${i}`), role: ROLES[rng.int(ROLES.length)] ?? 'family' };
    replicas.push({ doc, actor, inbox: [] });
  }
  for (const replica of replicas) {
    replica.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (originKind(origin) === 'remote') return;
      for (const other of replicas) if (other !== replica) other.inbox.push(update);
    });
  }
  return replicas;
}

/** Delivers one queued update to `replica`, sometimes keeping a copy to deliver again later. */
function deliverOne(rng: Rng, replica: Replica): void {
  const [update] = replica.inbox.splice(rng.int(replica.inbox.length), 1);
  if (update === undefined) return;
  Y.applyUpdate(replica.doc, update, Origins.remote);
  if (rng.chance(0.1)) replica.inbox.push(update);
}

function expectInvariants(state: BoardState): void {
  for (const pair of Object.values(state.pairs)) {
    expect(state.cards[pair.dangerStatementId]).toMatchObject({
      category: 'dangerStatement',
      pairId: pair.id,
    });
    expect(state.cards[pair.safetyGoalId]).toMatchObject({ category: 'safetyGoal', pairId: pair.id });
    expect(state.scales[pair.id]).toBeDefined();
  }
  for (const card of Object.values(state.cards)) {
    if (card.pairId !== null) expect(state.pairs[card.pairId]).toBeDefined();
    expect(Number.isFinite(card.order)).toBe(true);
  }
  expect(state.scales[OVERALL_SCALE_ID]).toBeDefined();
  for (const id of Object.keys(state.scales)) expect(id === OVERALL_SCALE_ID || id in state.pairs).toBe(true);
  for (const scale of Object.values(state.scales)) {
    for (const rating of Object.values(scale.ratings)) expect(Number.isInteger(rating.value)).toBe(true);
  }
  for (const rule of Object.values(state.rules)) {
    for (const memberId of rule.responsibleMemberIds) expect(state.network[memberId]).toBeDefined();
  }
}

function seedCrypto(rng: Rng): void {
  const webCrypto = (globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): Uint8Array } })
    .crypto;
  vi.spyOn(webCrypto, 'getRandomValues').mockImplementation((array: Uint8Array) => {
    for (let i = 0; i < array.length; i++) array[i] = rng.int(256);
    return array;
  });
}

const SEEDS = [1, 7, 42, 1234, 2024, 65_537, 99_991, 123_456_789];

describe('convergence', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(SEEDS)(
    'four replicas with late, shuffled and duplicated updates converge to one valid board (seed %i)',
    (seed) => {
      const rng = prng(seed);
      seedCrypto(rng);
      const replicas = createReplicas(rng);
      for (let round = 0; round < 60; round++) {
        for (const replica of replicas) {
          if (!rng.chance(0.7)) continue;
          const op = OPS[rng.int(OPS.length)];
          const result = op?.(rng, replica, readBoard(replica.doc)) ?? null;
          if (result !== null && !result.ok) expect(EXPECTED_FAILURES).toContain(result.reason);
        }
        for (let d = rng.int(6); d > 0; d--) {
          const replica = rng.pick(replicas);
          if (replica !== undefined) deliverOne(rng, replica);
        }
      }
      for (const replica of replicas) while (replica.inbox.length > 0) deliverOne(rng, replica);

      const [first, ...others] = replicas.map((replica) => readBoard(replica.doc));
      expect(first).toBeDefined();
      for (const state of others) expect(state).toEqual(first);
      for (const { doc } of replicas) {
        expect(doc.store.pendingStructs).toBeNull();
        expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(replicas[0]?.doc ?? doc));
      }
      expectInvariants(first as BoardState);
      // Enough happened for the check to mean something.
      expect(Object.keys(first?.cards ?? {}).length).toBeGreaterThan(3);
    },
  );
});
