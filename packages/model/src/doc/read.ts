import type * as Y from 'yjs';
import { isPairIntact } from '../cards/pairing.js';
import { SCHEMA_VERSION } from './board.js';
import { childText, readTopMap } from './docMaps.js';
import { filterRecord, hasId, idRecord, ownValue } from './idRecord.js';
import { OVERALL_SCALE_ID } from './ids.js';
import { compareOrdered } from './order.js';
import {
  findIn,
  readAll,
  readCard,
  readMetaFrom,
  readNetworkMember,
  readPair,
  readParticipant,
  readPerson,
  readPlanFrom,
  readRule,
  readScale,
} from './records.js';
import type { Repair } from './repairs.js';
import { LIMITS } from './schema.js';
import type { BoardState, CardId, CardState, Category, NetworkMemberState, RuleState } from './types.js';

/** A reading of the whole board and what was repaired to read it (repairs.ts). */
export interface BoardReading {
  readonly state: BoardState;
  readonly repairs: readonly Repair[];
}

/**
 * A plain reading of the whole board that never throws and never drops a record because one
 * field is malformed (written by an older version, a buggy or a foreign client): the field is
 * read as a safe default or cut to its limit, and the repair is listed by id and field name.
 * Every record and child record is keyed by id in an object without a prototype, so ids such
 * as `__proto__` and `constructor` read like any other. Pairs follow the rule in pairing.ts:
 * only intact pairs and their scales appear, and a card's `pairId` is null unless its pair is
 * intact. A rule's `responsibleMemberIds` lists only members that exist, in the network's order.
 * The reading always passes `checkBoardState`, so its export re-imports.
 */
export function readBoardWithRepairs(doc: Y.Doc): BoardReading {
  const repairs: Repair[] = [];
  const sink = (repair: Repair) => {
    repairs.push(repair);
  };
  const cardsStored = readAll(doc, 'cards', readCard, sink);
  const pairsStored = readAll(doc, 'pairs', readPair, sink);
  const lookup = (id: CardId): CardState | null => ownValue(cardsStored, id) ?? null;

  const pairs = filterRecord(pairsStored, (pair) => isPairIntact(pair, lookup));
  const cards = idRecord<CardState>();
  for (const card of Object.values(cardsStored)) {
    const intact = card.pairId !== null && hasId(pairs, card.pairId);
    cards[card.id] = intact || card.pairId === null ? card : { ...card, pairId: null };
  }
  const scales = filterRecord(
    readAll(doc, 'scales', readScale, sink),
    (_, id) => id === OVERALL_SCALE_ID || hasId(pairs, id),
  );
  const network = readAll(doc, 'network', readNetworkMember, sink);
  const rules = idRecord<RuleState>();
  for (const rule of Object.values(readAll(doc, 'rules', readRule, sink))) {
    const responsibleMemberIds = responsibleIn(network, rule);
    if (responsibleMemberIds.length > LIMITS.responsible) {
      sink({ part: 'rules', id: rule.id, field: 'responsible', action: 'truncated' });
    }
    rules[rule.id] = { ...rule, responsibleMemberIds: responsibleMemberIds.slice(0, LIMITS.responsible) };
  }
  const state: BoardState = {
    meta: readMetaFrom(readTopMap(doc, 'meta'), sink),
    cards,
    pairs,
    scales,
    participants: readAll(doc, 'participants', readParticipant, sink),
    network,
    people: readAll(doc, 'people', readPerson, sink),
    rules,
    plan: readPlanFrom(readTopMap(doc, 'plan'), sink),
  };
  return { state, repairs };
}

/** The board as readBoardWithRepairs reads it, without the list of repairs. */
export function readBoard(doc: Y.Doc): BoardState {
  return readBoardWithRepairs(doc).state;
}

/**
 * A board's state with nothing on it: no cards, scales, people, rules or plan. For building a state
 * by hand (fixtures, benchmarks) without spelling out every empty part.
 * @example const board = { ...emptyBoardState('Case 1'), cards: { [card.id]: card } };
 */
export function emptyBoardState(title: string, createdAt = 0): BoardState {
  return {
    meta: { title, createdAt, schemaVersion: SCHEMA_VERSION },
    cards: idRecord(),
    pairs: idRecord(),
    scales: idRecord(),
    participants: idRecord(),
    network: idRecord(),
    people: idRecord(),
    rules: idRecord(),
    plan: { bottomLines: '', monitoringWho: '', monitoringHowOften: '', reviewDate: null },
  };
}

// Removing a member and naming them on a rule can happen concurrently; the rule then names
// someone who is gone, so the reading drops them rather than showing a blank person.
function responsibleIn(network: Record<string, NetworkMemberState>, rule: RuleState) {
  return rule.responsibleMemberIds
    .map((id) => ownValue(network, id))
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
