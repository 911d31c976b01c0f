import type { BoardDiff, BoardState, CardState, ParticipantState, Role } from '@kinmap/model';
import { idRecord, ownValue } from '@kinmap/model';
import { pairNumbers } from '../canvas/pairs';
import type { CardHighlight } from '../map/CardShape';

/**
 * The pure part of comparing two moments of a board: which cards the canvas highlights, the
 * board it draws (the later one, with the earlier one's removed cards as ghosts), and which cards
 * can be brought back from which version. The difference itself is the model's `diffBoards`.
 */

/** One side of a comparison: a saved version's id, or null for the board as it is now. */
export type Moment = string | null;

/** How each card that differs is marked on the canvas. */
export function highlightsOf(diff: BoardDiff): ReadonlyMap<string, CardHighlight> {
  const marks = new Map<string, CardHighlight>();
  for (const card of diff.cards.added) marks.set(card.id, 'added');
  for (const change of diff.cards.changed) marks.set(change.id, 'changed');
  for (const card of diff.cards.removed) marks.set(card.id, 'removed');
  return marks;
}

/**
 * The board the comparison draws: `after` with every card removed since `before` put back where it
 * was, so it shows as a ghost in its place. A ghost belongs to no pair (its pair may be gone too).
 */
export function compareBoard(after: BoardState, diff: BoardDiff): BoardState {
  if (diff.cards.removed.length === 0) return after;
  const cards: Record<string, CardState> = idRecord(Object.entries(after.cards));
  for (const card of diff.cards.removed) cards[card.id] = { ...card, pairId: null };
  return { ...after, cards };
}

/**
 * The version a card is brought back from: the earlier side when it is a saved version,
 * otherwise the later one; null when both sides are "now" (nothing to bring back).
 */
export function restoreSource(
  before: Moment,
  after: Moment,
): { versionId: string; side: 'before' | 'after' } | null {
  if (before !== null) return { versionId: before, side: 'before' };
  if (after !== null) return { versionId: after, side: 'after' };
  return null;
}

/** The cards of the diff that exist in the version on `side`, so can be brought back from it. */
export function cardsToBringBack(diff: BoardDiff, side: 'before' | 'after'): ReadonlySet<string> {
  const there = side === 'before' ? diff.cards.removed : diff.cards.added;
  return new Set([...there.map((card) => card.id), ...diff.cards.changed.map((change) => change.id)]);
}

/** What a scale is called on screen: the overall one, or the worry (pair) it measures. */
export type ScaleName =
  | { readonly kind: 'overall' }
  | { readonly kind: 'pair'; readonly number: number | null; readonly dangerStatement: string };

/** Names a scale from whichever side still has its pair (the later side first). */
export function scaleName(scaleId: string, before: BoardState, after: BoardState): ScaleName {
  if (scaleId === 'overall') return { kind: 'overall' };
  for (const board of [after, before]) {
    const pair = ownValue(board.pairs, scaleId);
    if (!pair) continue;
    const number = pairNumbers(board).get(pair.id) ?? null;
    return {
      kind: 'pair',
      number,
      dangerStatement: ownValue(board.cards, pair.dangerStatementId)?.text ?? '',
    };
  }
  return { kind: 'pair', number: null, dangerStatement: '' };
}

/** Who someone is, from whichever side knows them (the later side first); null if neither does. */
export function personOf(
  participantId: string,
  before: BoardState,
  after: BoardState,
): { readonly name: string; readonly role: Role } | null {
  const person: ParticipantState | undefined =
    ownValue(after.participants, participantId) ?? ownValue(before.participants, participantId);
  return person ? { name: person.displayName, role: person.role } : null;
}

/** The first characters of a content hash, enough to tell versions apart when reading aloud. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

/** How many things differ, counted as a reader would (each card, rating, record and plan field). */
export function changeCount(diff: BoardDiff): number {
  const { cards, pairs, network, people, rules } = diff;
  return (
    (diff.title ? 1 : 0) +
    cards.added.length +
    cards.removed.length +
    cards.changed.length +
    pairs.added.length +
    pairs.removed.length +
    diff.scaleModes.length +
    diff.ratings.length +
    network.added.length +
    network.removed.length +
    network.changed.length +
    people.added.length +
    people.removed.length +
    people.changed.length +
    rules.added.length +
    rules.removed.length +
    rules.changed.length +
    diff.plan.length
  );
}
