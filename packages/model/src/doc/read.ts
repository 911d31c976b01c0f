import type * as Y from 'yjs';
import { isPairIntact } from '../cards/pairing.js';
import { readMeta, SCHEMA_VERSION } from './board.js';
import { childText, readTopMap } from './docMaps.js';
import { OVERALL_SCALE_ID } from './ids.js';
import { compareOrdered } from './order.js';
import {
  findIn,
  readAll,
  readCard,
  readNetworkMember,
  readPair,
  readParticipant,
  readPlanFrom,
  readRule,
  readScale,
} from './records.js';
import type {
  BoardState,
  CardId,
  CardState,
  Category,
  NetworkMemberState,
  PairState,
  RuleState,
} from './types.js';

/**
 * A plain reading of the whole board. Defensive: an entry that is malformed (wrong types,
 * missing fields, a key that is not an id, written by a buggy or foreign client) is skipped
 * and never throws. Pairs follow the rule in pairing.ts: only intact pairs and their scales
 * appear, and a card's `pairId` is null unless its pair is intact. A rule's
 * `responsibleMemberIds` lists only members that exist, in the network's order.
 */
export function readBoard(doc: Y.Doc): BoardState {
  const cardsStored = readAll(doc, 'cards', readCard);
  const pairsStored = readAll(doc, 'pairs', readPair);
  const lookup = (id: CardId): CardState | null => cardsStored[id] ?? null;

  const pairs: Record<string, PairState> = {};
  for (const pair of Object.values(pairsStored)) {
    if (isPairIntact(pair, lookup)) pairs[pair.id] = pair;
  }
  const cards: Record<string, CardState> = {};
  for (const card of Object.values(cardsStored)) {
    const intact = card.pairId !== null && pairs[card.pairId] !== undefined;
    cards[card.id] = intact || card.pairId === null ? card : { ...card, pairId: null };
  }
  const scales = Object.fromEntries(
    Object.entries(readAll(doc, 'scales', readScale)).filter(
      ([id]) => id === OVERALL_SCALE_ID || pairs[id] !== undefined,
    ),
  );
  const network = readAll(doc, 'network', readNetworkMember);
  const rules: Record<string, RuleState> = {};
  for (const rule of Object.values(readAll(doc, 'rules', readRule))) {
    rules[rule.id] = { ...rule, responsibleMemberIds: responsibleIn(network, rule) };
  }
  return {
    meta: readMeta(doc),
    cards,
    pairs,
    scales,
    participants: readAll(doc, 'participants', readParticipant),
    network,
    rules,
    plan: readPlanFrom(readTopMap(doc, 'plan')),
  };
}

/**
 * A board's state with nothing on it: no cards, scales, people, rules or plan. For building a state
 * by hand (fixtures, benchmarks) without spelling out every empty part.
 * @example const board = { ...emptyBoardState('Case 1'), cards: { [card.id]: card } };
 */
export function emptyBoardState(title: string, createdAt = 0): BoardState {
  return {
    meta: { title, createdAt, schemaVersion: SCHEMA_VERSION },
    cards: {},
    pairs: {},
    scales: {},
    participants: {},
    network: {},
    rules: {},
    plan: { bottomLines: '', monitoringWho: '', monitoringHowOften: '', reviewDate: null },
  };
}

// Removing a member and naming them on a rule can happen concurrently; the rule then names
// someone who is gone, so the reading drops them rather than showing a blank person.
function responsibleIn(network: Record<string, NetworkMemberState>, rule: RuleState) {
  return rule.responsibleMemberIds
    .map((id) => network[id])
    .filter((member) => member !== undefined)
    .sort(compareOrdered)
    .map((member) => member.id);
}

/** The cards of one category in board order (by `order`, then id). */
export function cardsInCategory(state: BoardState, category: Category): CardState[] {
  return Object.values(state.cards)
    .filter((card) => card.category === category)
    .sort(compareOrdered);
}

/** The live Y.Text of a card, for binding an editor; null when the card does not exist. */
export function getCardText(doc: Y.Doc, cardId: CardId): Y.Text | null {
  const card = findIn(doc, 'cards', cardId, readCard);
  return card === null ? null : childText(card.map, 'text');
}
