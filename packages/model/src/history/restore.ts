import type * as Y from 'yjs';
import { removePairRecords } from '../cards/cards.js';
import { intactPairOf } from '../cards/pairing.js';
import { parseBoardState } from '../doc/boardStateSchema.js';
import { idRecord, ownValue } from '../doc/idRecord.js';
import { asScaleId } from '../doc/ids.js';
import { findIn, readCard, readPair, readScale } from '../doc/records.js';
import { fail, ok, parseWith } from '../doc/result.js';
import { cardIdSchema } from '../doc/schema.js';
import { commit, type OpOptions, resolveOptions } from '../doc/transact.js';
import type { BoardState, CardId, CardState, PairState, Result, ScaleState } from '../doc/types.js';
import { writeBoardState, writeCard, writePair, writeScale } from './restoreWrites.js';

/**
 * Restore: bring the whole board, or one card, back as it was in a saved version. History is
 * never rewritten: the restore is a new change on top of the live document, in one labelled
 * transaction, made of the smallest writes that get there (restoreWrites.ts), so it merges
 * with concurrent edits. Works on the shared and on the restricted document alike (the
 * restricted one has only meta and cards, and its versions' other parts are empty).
 */

export interface RestoreOptions extends OpOptions {
  /**
   * Cards written take their `updatedAt` from the target instead of `now`: for an import, whose
   * dates are the case's history. A restore is a new change and leaves it off.
   */
  readonly keepUpdatedAt?: boolean;
}

/**
 * Makes the document read as `target` (title, cards, pairs, scales with their ratings and who
 * has scored, network, rules and plan; participants are left alone). A card that still exists
 * is edited in place (its text by the smallest splice); a deleted one comes back with its
 * original id, author and creation time. Returns how many records were written.
 * @example restoreBoard(doc, version.shared, { origin: Origins.local })
 */
export function restoreBoard(
  doc: Y.Doc,
  target: BoardState,
  opts?: RestoreOptions,
): Result<{ changed: number }> {
  const state = parseBoardState(target);
  if (!state.ok) return state;
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  const { now, origin } = options.value;
  const keepUpdatedAt = opts?.keepUpdatedAt === true;
  const changed = commit(doc, origin, () => writeBoardState(doc, state.value, now, { keepUpdatedAt }));
  return ok({ changed });
}

/** The pair partner of `card` in `pair`, and the category that partner must be in. */
function partnerOf(pair: PairState, card: CardState) {
  return pair.dangerStatementId === card.id
    ? { id: pair.safetyGoalId, category: 'safetyGoal' as const }
    : { id: pair.dangerStatementId, category: 'dangerStatement' as const };
}

/**
 * Can the card's pair from the version come back? Only if its partner exists now, in the right
 * category, and is not in another intact pair (that pair is someone's current work).
 */
function restorablePair(doc: Y.Doc, target: BoardState, card: CardState): PairState | null {
  const pair = card.pairId === null ? undefined : ownValue(target.pairs, card.pairId);
  if (pair === undefined) return null;
  const partner = partnerOf(pair, card);
  const found = findIn(doc, 'cards', partner.id, readCard);
  if (found === null || found.record.category !== partner.category) return null;
  const partnerPair = intactPairOf(doc, found.record);
  return partnerPair === null || partnerPair.record.id === pair.id ? pair : null;
}

function emptyScale(pair: PairState): ScaleState {
  return { id: asScaleId(pair.id), mode: 'revealed', ratings: idRecord(), scored: [] };
}

/** The writes of restoreCard; call inside a transaction. */
function writeOneCard(doc: Y.Doc, target: BoardState, card: CardState, now: number): number {
  const stored = findIn(doc, 'cards', card.id, readCard)?.record ?? null;
  const currentPair = stored === null ? null : (intactPairOf(doc, stored)?.record ?? null);
  const pair = restorablePair(doc, target, card);
  // Without the version's pair, a current pair stays while the card stays in its category.
  const keep = currentPair !== null && stored?.category === card.category ? currentPair.id : null;
  const pairId = pair?.id ?? keep;
  let changed = 0;
  if (currentPair !== null && currentPair.id !== pairId) {
    removePairRecords(doc, currentPair.id);
    changed++;
  }
  const restored = stored === null ? null : (findIn(doc, 'cards', card.id, readCard)?.record ?? null);
  if (writeCard(doc, restored, { ...card, pairId }, now)) changed++;
  if (pair === null) return changed;
  const partner = findIn(doc, 'cards', partnerOf(pair, card).id, readCard);
  if (partner !== null && partner.record.pairId !== pair.id) {
    partner.map.set('pairId', pair.id);
    changed++;
  }
  if (writePair(doc, findIn(doc, 'pairs', pair.id, readPair)?.record ?? null, pair)) changed++;
  const scale = ownValue(target.scales, pair.id) ?? emptyScale(pair);
  if (writeScale(doc, findIn(doc, 'scales', pair.id, readScale)?.record ?? null, scale)) changed++;
  return changed;
}

/**
 * Brings back one card as it was in `target`: text, category, order, marks and the
 * professionals-only flag. If the card was in a pair there, the pair (with its scale as it was)
 * comes back too when its partner exists now in the right category and is not paired
 * elsewhere. A card that leaves its category loses its current pair, as it would on a board.
 * @example restoreCard(doc, version.shared, cardId)
 */
export function restoreCard(
  doc: Y.Doc,
  target: BoardState,
  cardId: CardId,
  opts?: OpOptions,
): Result<{ changed: number }> {
  const id = parseWith(cardIdSchema, cardId);
  if (!id.ok) return id;
  const state = parseBoardState(target);
  if (!state.ok) return state;
  const card = ownValue(state.value.cards, id.value);
  if (card === undefined) return fail('not-found', `card ${id.value} is not in the version`);
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  const { now, origin } = options.value;
  const changed = commit(doc, origin, () => writeOneCard(doc, state.value, card, now));
  return ok({ changed });
}
