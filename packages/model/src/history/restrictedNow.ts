import type { BoardState, CardState } from '../doc/types.js';
import type { VersionContent } from './versionTypes.js';

/**
 * A saved version seen under today's professionals-only set (docs/SPEC.md [VE14]). A version
 * keeps the board as it was: a card that was shared then and has since been made
 * professionals-only is still in the version's shared document. Whatever a version feeds to the
 * family side (the family summary, the trajectory) and whatever a restore writes back must treat
 * that card as professionals-only now, by card id.
 */

/**
 * `board` without the cards in `hidden`: a pair that names a hidden card goes too, with its
 * scale (as deleting a paired card takes them), and its other card is left unpaired.
 * @example withoutCards(version.shared, new Set(['c1']))
 */
export function withoutCards(board: BoardState, hidden: ReadonlySet<string>): BoardState {
  const named = (id: string) => hidden.has(id);
  if (!Object.keys(board.cards).some(named)) return board;
  const goneScales = new Set<string>();
  const pairs: Record<string, BoardState['pairs'][string]> = Object.create(null);
  for (const [id, pair] of Object.entries(board.pairs)) {
    if (named(pair.dangerStatementId) || named(pair.safetyGoalId)) goneScales.add(id);
    else pairs[id] = pair;
  }
  const cards: Record<string, CardState> = Object.create(null);
  for (const [id, card] of Object.entries(board.cards)) {
    if (named(id)) continue;
    cards[id] = card.pairId !== null && goneScales.has(card.pairId) ? { ...card, pairId: null } : card;
  }
  const scales: Record<string, BoardState['scales'][string]> = Object.create(null);
  for (const [id, scale] of Object.entries(board.scales)) if (!goneScales.has(id)) scales[id] = scale;
  return { ...board, cards: { ...cards }, pairs: { ...pairs }, scales: { ...scales } };
}

/**
 * The version's content with every card of `restrictedNow` (the ids of the cards in the board's
 * restricted document now) out of its shared document (`withoutCards`) and, as an unpaired
 * professionals-only copy, in its restricted one, unless that already holds the card. A version
 * saved without a restricted document gets one holding only those copies (or keeps null when no
 * card moved).
 * @example keepProfessionalsOnly(decodeVersion(stored), new Set(Object.keys(liveRestricted.cards)))
 */
export function keepProfessionalsOnly(
  content: VersionContent,
  restrictedNow: ReadonlySet<string>,
): VersionContent {
  const moved = Object.values(content.shared.cards).filter((card) => restrictedNow.has(card.id));
  if (moved.length === 0) return content;
  const copies: Record<string, CardState> = Object.create(null);
  for (const card of moved) copies[card.id] = { ...card, professionalsOnly: true, pairId: null };
  const shared = withoutCards(content.shared, restrictedNow);
  const restricted: BoardState =
    content.restricted === null
      ? {
          ...shared,
          meta: { ...shared.meta, title: '' },
          cards: { ...copies },
          pairs: {},
          scales: {},
          participants: {},
          network: {},
          people: {},
          rules: {},
        }
      : { ...content.restricted, cards: { ...copies, ...content.restricted.cards } };
  return { shared, restricted };
}
