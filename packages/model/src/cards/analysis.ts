import type * as Y from 'yjs';
import { attachMap, childMap, topMap } from '../doc/docMaps.js';
import { asPairId, newId } from '../doc/ids.js';
import { findIn, readCard, readPair } from '../doc/records.js';
import { done, fail, ok } from '../doc/result.js';
import { addPairInput, pairCardsInput, pairIdSchema } from '../doc/schema.js';
import { commit, type OpOptions, prepare } from '../doc/transact.js';
import type { Actor, CardId, PairId, Result } from '../doc/types.js';
import { z } from '../doc/zod.js';
import { insertCard, removePairRecords } from './cards.js';
import { intactPairOf } from './pairing.js';

/**
 * The analysis: each danger statement is paired with a safety goal, and each pair has its own
 * 0–10 scale whose id is the pair's id. See pairing.ts for when a pair counts as intact.
 */

/** Writes the pair, both cards' pairId and the pair's scale; call inside a transaction. */
function writePair(doc: Y.Doc, dangerStatementId: CardId, safetyGoalId: CardId, now: number): PairId {
  const pairId = asPairId(newId());
  const pair = attachMap(topMap(doc, 'pairs'), pairId);
  pair.set('id', pairId);
  pair.set('dangerStatementId', dangerStatementId);
  pair.set('safetyGoalId', safetyGoalId);
  pair.set('createdAt', now);
  const cards = topMap(doc, 'cards');
  childMap(cards, dangerStatementId)?.set('pairId', pairId);
  childMap(cards, safetyGoalId)?.set('pairId', pairId);
  const scale = attachMap(topMap(doc, 'scales'), pairId);
  scale.set('id', pairId);
  scale.set('mode', 'revealed');
  attachMap(scale, 'ratings');
  return pairId;
}

/**
 * Pairs an existing danger statement with an existing safety goal and creates the pair's
 * scale. Fails with `wrong-category` if either card is in another category and
 * `already-paired` if either is already in an intact pair.
 */
export function pairCards(
  doc: Y.Doc,
  actor: Actor,
  cards: { dangerStatementId: CardId; safetyGoalId: CardId },
  opts?: OpOptions,
): Result<{ pairId: PairId }> {
  const op = prepare(pairCardsInput, actor, cards, opts);
  if (!op.ok) return op;
  const { input, now, origin } = op.value;
  const dangerStatement = findIn(doc, 'cards', input.dangerStatementId, readCard);
  const safetyGoal = findIn(doc, 'cards', input.safetyGoalId, readCard);
  if (dangerStatement === null) return fail('not-found', `card ${input.dangerStatementId}`);
  if (safetyGoal === null) return fail('not-found', `card ${input.safetyGoalId}`);
  if (dangerStatement.record.category !== 'dangerStatement') {
    return fail('wrong-category', 'dangerStatementId: not a danger statement');
  }
  if (safetyGoal.record.category !== 'safetyGoal') {
    return fail('wrong-category', 'safetyGoalId: not a safety goal');
  }
  for (const card of [dangerStatement, safetyGoal]) {
    // Pairs live in the shared document, which a professionals-only card never enters.
    if (card.record.professionalsOnly) return fail('professionals-only', `card ${card.record.id}`);
    if (intactPairOf(doc, card.record) !== null) return fail('already-paired', `card ${card.record.id}`);
  }
  const pairId = commit(doc, origin, () =>
    writePair(doc, dangerStatement.record.id, safetyGoal.record.id, now),
  );
  return ok({ pairId });
}

/**
 * Adds a danger statement and its safety goal (each at the end of its category) already
 * paired, with the pair's scale, in one transaction.
 * @example addPair(doc, actor, { dangerStatement: 'Social workers are worried that…', safetyGoal: 'Mum and Dad will…' })
 */
export function addPair(
  doc: Y.Doc,
  actor: Actor,
  texts: { dangerStatement: string; safetyGoal: string },
  opts?: OpOptions,
): Result<{ pairId: PairId; dangerStatementId: CardId; safetyGoalId: CardId }> {
  const op = prepare(addPairInput, actor, texts, opts);
  if (!op.ok) return op;
  const { actor: who, input, now, origin } = op.value;
  const created = commit(doc, origin, () => {
    const dangerStatementId = insertCard(
      doc,
      who,
      { category: 'dangerStatement', text: input.dangerStatement },
      now,
    );
    const safetyGoalId = insertCard(doc, who, { category: 'safetyGoal', text: input.safetyGoal }, now);
    const pairId = writePair(doc, dangerStatementId, safetyGoalId, now);
    return { pairId, dangerStatementId, safetyGoalId };
  });
  return ok(created);
}

/** Dissolves a pair: the pair and its scale (with its ratings) are removed; both cards stay. */
export function unpair(doc: Y.Doc, actor: Actor, pairId: PairId, opts?: OpOptions): Result<void> {
  const op = prepare(z.object({ pairId: pairIdSchema }), actor, { pairId }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  // Any stored pair may be removed, intact or not: this is how a pair broken by a merge is cleaned up.
  if (findIn(doc, 'pairs', input.pairId, readPair) === null) return fail('not-found', `pair ${input.pairId}`);
  commit(doc, origin, () => removePairRecords(doc, input.pairId));
  return done;
}
