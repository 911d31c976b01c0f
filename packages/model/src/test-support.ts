// Shared fixtures for this package's tests (excluded from the build).
import { expect } from 'vitest';
import * as Y from 'yjs';
import { addPair, pairCards, unpair } from './cards/analysis.js';
import { addCard, deleteCard, moveCard, setCardText, setMark } from './cards/cards.js';
import { initBoard, setTitle } from './doc/board.js';
import { asCardId, asParticipantId, asScaleId, OVERALL_SCALE_ID } from './doc/ids.js';
import { emptyBoardState, readBoard } from './doc/read.js';
import type {
  Actor,
  BoardState,
  CardId,
  CardState,
  NetworkMemberId,
  Result,
  ScaleState,
} from './doc/types.js';
import { CATEGORIES } from './doc/types.js';
import { addNetworkMember, removeNetworkMember, updateNetworkMember } from './plan/network.js';
import { registerParticipant } from './plan/participants.js';
import { addRule, removeRule, setPlan, updateRule } from './plan/plan.js';
import { clearRating, markScored, rate, setScaleMode } from './scales/scales.js';

export const practitioner: Actor = { participantId: asParticipantId('sam'), role: 'practitioner' };
export const parent: Actor = { participantId: asParticipantId('mum'), role: 'family' };

/** A fresh, initialised board. */
export function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Review meeting', createdAt: 1_000 });
  return doc;
}

/** The value of a successful result; fails the test with the reason otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.detail ?? ''}`);
  return result.value;
}

/** Runs `op`, asserting it emitted no update and left the document byte-for-byte as it was. */
export function expectUnchanged<T>(doc: Y.Doc, op: () => T): T {
  const before = Y.encodeStateAsUpdate(doc);
  let updates = 0;
  const count = () => {
    updates++;
  };
  doc.on('update', count);
  try {
    return op();
  } finally {
    doc.off('update', count);
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  }
}

/** Counts the transactions `op` ran and returns their origins. */
export function originsOf(doc: Y.Doc, op: () => unknown): unknown[] {
  const origins: unknown[] = [];
  const record = (tr: Y.Transaction) => {
    origins.push(tr.origin);
  };
  doc.on('afterTransaction', record);
  try {
    op();
  } finally {
    doc.off('afterTransaction', record);
  }
  return origins;
}

/** mulberry32: a small seeded PRNG, so a failing random test reproduces from its seed. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T | undefined => items[int(items.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Rng = ReturnType<typeof prng>;

/** The people of a random board, each registered with a display name. */
export const PEOPLE: readonly Actor[] = [
  { participantId: asParticipantId('fac'), role: 'facilitator' },
  { participantId: asParticipantId('sam'), role: 'practitioner' },
  { participantId: asParticipantId('mum'), role: 'family' },
  { participantId: asParticipantId('gran'), role: 'network' },
];

const WORDS = ['Dad shouted', 'dŵr', 'łóżko', 'الأم تهتم', 'والد نے', '😀', '👍🏽', 'Gran', ' ', 'x', '.'];
const ids = (record: Readonly<Record<string, unknown>>) => Object.keys(record).sort();

function words(rng: Rng): string {
  return Array.from({ length: 1 + rng.int(4) }, () => rng.pick(WORDS)).join('');
}

/** A random edit of `text`: keep a prefix and a suffix, put words between them. */
function edited(rng: Rng, text: string): string {
  const cut = (at: number) =>
    at > 0 && at < text.length && /[\udc00-\udfff]/.test(text[at] ?? '') ? at - 1 : at;
  const a = cut(rng.int(text.length + 1));
  const b = Math.max(a, cut(rng.int(text.length + 1)));
  return `${text.slice(0, a)}${rng.chance(0.7) ? words(rng) : ''}${text.slice(b)}`;
}

type RandomOp = (rng: Rng, doc: Y.Doc, actor: Actor, s: BoardState) => unknown;

const RANDOM_OPS: readonly RandomOp[] = [
  (rng, doc, actor) =>
    addCard(doc, actor, { category: rng.pick(CATEGORIES) ?? 'harm', text: words(rng), index: rng.int(5) }),
  (rng, doc, actor, s) => {
    const card = s.cards[rng.pick(ids(s.cards)) ?? ''];
    return card && setCardText(doc, actor, card.id, edited(rng, card.text));
  },
  (rng, doc, actor, s) => {
    const card = s.cards[rng.pick(ids(s.cards)) ?? ''];
    const category = rng.chance(0.5) ? card?.category : rng.pick(CATEGORIES);
    return card && category && moveCard(doc, actor, card.id, { category, index: rng.int(5) });
  },
  (rng, doc, actor, s) => {
    const id = rng.pick(ids(s.cards));
    return id !== undefined && rng.chance(0.6) && deleteCard(doc, actor, id as CardId);
  },
  (rng, doc, actor, s) => {
    const inCategory = (category: string) => ids(s.cards).filter((id) => s.cards[id]?.category === category);
    const dangerStatementId = rng.pick(inCategory('dangerStatement')) as CardId | undefined;
    const safetyGoalId = rng.pick(inCategory('safetyGoal')) as CardId | undefined;
    return dangerStatementId && safetyGoalId && pairCards(doc, actor, { dangerStatementId, safetyGoalId });
  },
  (rng, doc, actor) => addPair(doc, actor, { dangerStatement: words(rng), safetyGoal: words(rng) }),
  (rng, doc, actor, s) => {
    const pair = s.pairs[rng.pick(ids(s.pairs)) ?? ''];
    return pair && rng.chance(0.4) && unpair(doc, actor, pair.id);
  },
  (rng, doc, actor, s) => {
    const scaleId = asScaleId(rng.pick(ids(s.scales)) ?? OVERALL_SCALE_ID);
    if (rng.chance(0.1)) return clearRating(doc, actor, scaleId);
    if (rng.chance(0.1)) return setScaleMode(doc, actor, scaleId, rng.chance(0.5) ? 'private' : 'revealed');
    if (s.scales[scaleId]?.mode === 'private') return markScored(doc, actor, scaleId);
    return rate(doc, actor, scaleId, { value: rng.int(11), reason: words(rng) }, { now: rng.int(1e6) });
  },
  (rng, doc, actor, s) => {
    const card = s.cards[rng.pick(ids(s.cards)) ?? ''];
    return card && setMark(doc, actor, card.id, rng.pick(['agree', 'dispute', null] as const) ?? null);
  },
  (rng, doc, actor, s) => {
    if (rng.chance(0.3))
      return setPlan(doc, actor, { reviewDate: rng.pick(['2025-01-31', '2025-06-01', null]) ?? null });
    return setPlan(doc, actor, { bottomLines: edited(rng, s.plan.bottomLines), monitoringWho: words(rng) });
  },
  (rng, doc, actor, s) => {
    const member = s.network[rng.pick(ids(s.network)) ?? ''];
    if (member === undefined || rng.chance(0.3)) return addNetworkMember(doc, actor, { name: words(rng) });
    if (rng.chance(0.3)) return removeNetworkMember(doc, actor, member.id);
    return updateNetworkMember(doc, actor, member.id, {
      agreedTo: words(rng),
      toldAboutWorries: rng.chance(0.5),
    });
  },
  (rng, doc, actor, s) => {
    const responsibleMemberIds = ids(s.network).filter(() => rng.chance(0.5)) as NetworkMemberId[];
    const rule = s.rules[rng.pick(ids(s.rules)) ?? ''];
    if (rule === undefined || rng.chance(0.3))
      return addRule(doc, actor, { text: words(rng), responsibleMemberIds });
    if (rng.chance(0.2)) return removeRule(doc, actor, rule.id);
    return updateRule(doc, actor, rule.id, { redFlags: edited(rng, rule.redFlags), responsibleMemberIds });
  },
  (rng, doc, actor) => rng.chance(0.3) && setTitle(doc, actor, words(rng)),
];

/** Applies `count` random ops by random people; refusals (a stale choice) are part of the game. */
export function randomEdits(rng: Rng, doc: Y.Doc, count: number): void {
  for (let i = 0; i < count; i++) {
    const op = RANDOM_OPS[rng.int(RANDOM_OPS.length)];
    const actor = rng.pick(PEOPLE) ?? practitioner;
    op?.(rng, doc, actor, readBoard(doc));
  }
}

/** A fresh board with its people registered and `count` random ops applied. */
export function randomBoard(rng: Rng, count: number): Y.Doc {
  const doc = newBoard();
  for (const person of PEOPLE) {
    registerParticipant(doc, {
      id: person.participantId,
      displayName: `Person ${person.participantId}`,
      role: person.role,
    });
  }
  randomEdits(rng, doc, count);
  return doc;
}

/** A plain card as `readBoard` returns it: a harm card by `sam`, unless `fields` say otherwise. */
export function cardState(id: string, fields: Partial<CardState> = {}): CardState {
  return {
    id: asCardId(id),
    category: 'harm',
    text: `Card ${id}`,
    authorId: asParticipantId('sam'),
    authorRole: 'practitioner',
    createdAt: 1,
    updatedAt: 1,
    order: 0,
    professionalsOnly: false,
    marks: {},
    pairId: null,
    ...fields,
  };
}

/** The overall scale, revealed and empty unless `fields` say otherwise. */
export const overallScale = (fields: Partial<ScaleState> = {}): ScaleState => ({
  id: OVERALL_SCALE_ID,
  mode: 'revealed',
  ratings: {},
  scored: [],
  ...fields,
});

/** A plain board state: nothing on it but the overall scale, unless `parts` say otherwise. */
export function boardState(parts: Partial<BoardState> = {}): BoardState {
  return { ...emptyBoardState('Review', 1), scales: { overall: overallScale() }, ...parts };
}
