import type * as Y from 'yjs';
import { OVERALL_SCALE_ID } from '../doc/ids.js';
import { type Found, findIn, readCard, readPair } from '../doc/records.js';
import type { CardId, CardState, PairState } from '../doc/types.js';

/**
 * When is a pair real? Concurrent edits can leave pairing data that disagrees: two people
 * pair the same danger statement with different goals, or one moves a card out of its
 * category while another pairs it. Yjs merges each field on its own, so the model defines
 * one rule that every replica evaluates the same way on the same merged state:
 *
 *   A pair is INTACT when both of its cards exist, the danger statement is in
 *   `dangerStatement`, the goal is in `safetyGoal`, and BOTH cards' `pairId` name this pair.
 *
 * readBoard shows only intact pairs, reads a card's `pairId` as null unless its pair is intact,
 * and shows only the scales of intact pairs (plus 'overall'). Ops use the same rule: a card in
 * a non-intact pair counts as unpaired. Non-intact records are kept, not deleted, so no
 * ratings are silently destroyed by a merge; `unpair` removes one explicitly.
 */
export type CardLookup = (id: CardId) => CardState | null;

export function isPairIntact(pair: PairState, card: CardLookup): boolean {
  const dangerStatement = card(pair.dangerStatementId);
  const safetyGoal = card(pair.safetyGoalId);
  return (
    dangerStatement?.category === 'dangerStatement' &&
    dangerStatement.pairId === pair.id &&
    safetyGoal?.category === 'safetyGoal' &&
    safetyGoal.pairId === pair.id
  );
}

/** Looks cards up in the document (as opposed to a BoardState being assembled). */
export function docCardLookup(doc: Y.Doc): CardLookup {
  return (id) => findIn(doc, 'cards', id, readCard)?.record ?? null;
}

/** The intact pair `card` belongs to, or null when it is (effectively) unpaired. */
export function intactPairOf(doc: Y.Doc, card: CardState): Found<PairState> | null {
  if (card.pairId === null) return null;
  const pair = findIn(doc, 'pairs', card.pairId, readPair);
  return pair !== null && isPairIntact(pair.record, docCardLookup(doc)) ? pair : null;
}

/** A scale is live when it is the overall scale or belongs to an intact pair. */
export function isScaleLive(doc: Y.Doc, scaleId: string): boolean {
  if (scaleId === OVERALL_SCALE_ID) return true;
  const pair = findIn(doc, 'pairs', scaleId, readPair);
  return pair !== null && isPairIntact(pair.record, docCardLookup(doc));
}
