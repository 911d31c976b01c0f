import {
  type BoardState,
  compareOrdered,
  OVERALL_SCALE_ID,
  ownValue,
  type PairState,
  type Role,
  type ScaleMode,
} from '@kinmap/model';

/** One person's revealed rating, as the outline reads it out. */
export interface OutlineRating {
  readonly participantId: string;
  /** Null when the person is not (yet) in the participants list. */
  readonly name: string | null;
  readonly role: Role | null;
  readonly value: number;
  readonly reason: string;
}

export interface OutlineScale {
  readonly id: string;
  /** Null for the overall scale. */
  readonly pair: {
    readonly dangerStatement: string | null;
    readonly safetyGoal: string | null;
  } | null;
  readonly mode: ScaleMode;
  /** How many people have scored; the only thing shown while scores are collected privately. */
  readonly scored: number;
  /** Everyone's ratings once revealed, by name; empty while private. */
  readonly ratings: readonly OutlineRating[];
}

function isIntact(board: BoardState, pair: PairState): boolean {
  const danger = ownValue(board.cards, pair.dangerStatementId);
  const goal = ownValue(board.cards, pair.safetyGoalId);
  return danger?.pairId === pair.id && goal?.pairId === pair.id;
}

function readScale(board: BoardState, id: string, pair: OutlineScale['pair']): OutlineScale {
  const scale = ownValue(board.scales, id);
  const mode = scale?.mode ?? 'revealed';
  const entries = Object.entries(scale?.ratings ?? {});
  const ratings =
    mode === 'revealed'
      ? entries
          .map(([participantId, rating]) => {
            const person = ownValue(board.participants, participantId);
            return {
              participantId,
              name: person?.displayName ?? null,
              role: person?.role ?? null,
              value: rating.value,
              reason: rating.reason,
            };
          })
          .sort(
            (a, b) =>
              (a.name ?? '').localeCompare(b.name ?? '') || a.participantId.localeCompare(b.participantId),
          )
      : [];
  // While private the values live on the server; the document only says who has scored.
  const scored = mode === 'private' ? (scale?.scored.length ?? 0) : entries.length;
  return { id, pair, mode, scored, ratings };
}

/**
 * The overall scale, then one scale per intact danger statement / safety goal pair in the order
 * of the danger statements. `everything` is the whole board (pairs are judged on it); card texts
 * come from `visible`, so a card hidden from this person shows as null.
 */
export function outlineScales(visible: BoardState, everything: BoardState = visible): OutlineScale[] {
  const pairs = Object.values(everything.pairs)
    .filter((pair) => isIntact(everything, pair))
    .filter(
      (pair) => ownValue(visible.cards, pair.dangerStatementId) || ownValue(visible.cards, pair.safetyGoalId),
    )
    .sort((a, b) => {
      const da = ownValue(everything.cards, a.dangerStatementId);
      const db = ownValue(everything.cards, b.dangerStatementId);
      return da && db ? compareOrdered(da, db) : 0;
    });
  return [
    readScale(visible, OVERALL_SCALE_ID, null),
    ...pairs.map((pair) =>
      readScale(visible, pair.id, {
        dangerStatement: ownValue(visible.cards, pair.dangerStatementId)?.text ?? null,
        safetyGoal: ownValue(visible.cards, pair.safetyGoalId)?.text ?? null,
      }),
    ),
  ];
}
