import {
  type BoardState,
  type CardState,
  type Category,
  cardsInCategory,
  compareOrdered,
  type NetworkMemberState,
  ownValue,
  type PairState,
  type ParticipantState,
  type PersonState,
  type RuleState,
  type ScaleRating,
  type ScaleState,
} from '@kinmap/model';
import { firstName, ROLE_LABELS } from './reportWords.js';

/**
 * What both reports read from a board, in the order the board shows it: cards per category,
 * the pairs numbered as on screen ("Worry 1"), the scales (overall first), people by id.
 */

/** Everyone either document knows, by participant id (the restricted one may know more staff). */
export function participantDirectory(
  ...boards: readonly (BoardState | null)[]
): ReadonlyMap<string, ParticipantState> {
  const directory = new Map<string, ParticipantState>();
  for (const board of boards) {
    for (const participant of Object.values(board?.participants ?? {})) {
      if (!directory.has(participant.id)) directory.set(participant.id, participant);
    }
  }
  return directory;
}

/** "Sarah Jones (Family)"; someone the board no longer knows is named by a short id. */
export function personLabel(directory: ReadonlyMap<string, ParticipantState>, id: string): string {
  const person = directory.get(id);
  if (person === undefined) return `Someone no longer on the board (${id.slice(0, 8)})`;
  return `${person.displayName.trim() || 'Unnamed'} (${ROLE_LABELS[person.role]})`;
}

/** "Sarah (Family)": the family summary's way of naming people. */
export function shortPersonLabel(directory: ReadonlyMap<string, ParticipantState>, id: string): string {
  const person = directory.get(id);
  if (person === undefined) return 'Someone who has left';
  return `${firstName(person.displayName)} (${ROLE_LABELS[person.role]})`;
}

/**
 * Who a score is for: a participant, or a person of the case it was recorded for (issue 14), named
 * as "Jo (child, 9)". `short` is the family summary's form.
 */
export function scorerLabel(
  people: Readonly<Record<string, PersonState>>,
  directory: ReadonlyMap<string, ParticipantState>,
  id: string,
  short = false,
): string {
  const person = ownValue(people, id);
  if (person === undefined) return short ? shortPersonLabel(directory, id) : personLabel(directory, id);
  const name = short ? firstName(person.name) : person.name.trim() || 'Unnamed';
  if (person.kind !== 'child') return `${name} (${short ? 'no device' : 'scored without a device'})`;
  return person.age === null ? `${name} (child)` : `${name} (child, ${person.age})`;
}

/** "recorded by Jan (Practitioner)" for a score staff recorded for someone; empty otherwise. */
export function recordedByLabel(
  directory: ReadonlyMap<string, ParticipantState>,
  rating: ScaleRating,
  short = false,
): string {
  if (rating.recordedBy === undefined) return '';
  return `recorded by ${short ? shortPersonLabel(directory, rating.recordedBy) : personLabel(directory, rating.recordedBy)}`;
}

/** The cards of a category in board order; professionals-only ones left out unless asked for. */
export function cardsOf(
  board: BoardState,
  category: Category,
  options: { readonly professionalsOnly: boolean },
): CardState[] {
  return cardsInCategory(board, category).filter(
    (card) => options.professionalsOnly || !card.professionalsOnly,
  );
}

export interface NumberedPair {
  readonly pair: PairState;
  /** As on screen: pairs in the order they were made. */
  readonly number: number;
  readonly dangerStatement: CardState | null;
  readonly safetyGoal: CardState | null;
}

/**
 * The analysis pairs, numbered as the board numbers them. `card` decides which cards may be
 * shown (a card it refuses comes back as null).
 */
export function numberedPairs(board: BoardState, card: (card: CardState) => boolean): NumberedPair[] {
  const pick = (id: string): CardState | null => {
    const found = ownValue(board.cards, id);
    return found !== undefined && card(found) ? found : null;
  };
  return Object.values(board.pairs)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((pair, index) => ({
      pair,
      number: index + 1,
      dangerStatement: pick(pair.dangerStatementId),
      safetyGoal: pick(pair.safetyGoalId),
    }));
}

export interface ScaleEntry {
  readonly scaleId: string;
  /** Null for the overall scale. */
  readonly pair: NumberedPair | null;
  readonly scale: ScaleState | null;
}

/** The overall scale, then each pair's scale, in pair order. */
export function scalesInOrder(board: BoardState, pairs: readonly NumberedPair[]): ScaleEntry[] {
  return [
    { scaleId: 'overall', pair: null, scale: ownValue(board.scales, 'overall') ?? null },
    ...pairs.map((pair) => ({
      scaleId: pair.pair.id,
      pair,
      scale: ownValue(board.scales, pair.pair.id) ?? null,
    })),
  ];
}

export interface RatingEntry {
  readonly participantId: string;
  readonly rating: ScaleRating;
}

/** A scale's ratings, by the name of who gave them (then id, so the order is stable). */
export function ratingsOf(
  scale: ScaleState,
  directory: ReadonlyMap<string, ParticipantState>,
  people: Readonly<Record<string, PersonState>> = {},
): RatingEntry[] {
  const nameOf = (id: string): string => ownValue(people, id)?.name ?? directory.get(id)?.displayName ?? '';
  return Object.entries(scale.ratings)
    .map(([participantId, rating]) => ({ participantId, rating }))
    .sort(
      (a, b) =>
        nameOf(a.participantId).localeCompare(nameOf(b.participantId), 'en-GB') ||
        (a.participantId < b.participantId ? -1 : 1),
    );
}

export function networkInOrder(board: BoardState): NetworkMemberState[] {
  return Object.values(board.network).sort(compareOrdered);
}

export function rulesInOrder(board: BoardState): RuleState[] {
  return Object.values(board.rules).sort(compareOrdered);
}

/** The names of the network members who make sure a rule happens. */
export function responsibleNames(board: BoardState, rule: RuleState): string[] {
  return rule.responsibleMemberIds
    .map((id) => ownValue(board.network, id)?.name.trim() ?? '')
    .filter((name) => name !== '');
}
