import * as Y from 'yjs';

/**
 * Whether a transaction only changed words: typing in a card (its Y.Text and the card's
 * `updatedAt`), a plan field or a rule. Nothing appears, disappears or moves.
 */
export function onlyTextChanged(transaction: Y.Transaction): boolean {
  for (const [type, keys] of transaction.changed) {
    if (type instanceof Y.Text) continue;
    if (type instanceof Y.Map && [...keys].every((key) => key === 'updatedAt')) continue;
    return false;
  }
  return true;
}

export interface BoardPublisher {
  /** Call on every doc update with its transaction. */
  changed(transaction: Y.Transaction): void;
  /** Publishes now (e.g. the board became ready to show), replacing any waiting publish. */
  now(): void;
  cancel(): void;
}

/**
 * Decides when a doc change reaches React (`publish` reads the board and sets state).
 *
 * Structural changes (a card added, deleted or moved, a mark, a pair…) are published at once, in
 * the same React batch as what caused them: adding a card also selects it and opens its editor,
 * and the editor closes itself if the card is not on the board it renders with.
 *
 * Text-only changes (typing) are published in a task of their own, coalesced, so typing makes no
 * sync-lane render. Why: React 19 counts as a "nested update" every sync commit that leaves
 * default-lane work pending (commitRoot: `lanes & 261930 && root.pendingLanes & 42`), and a
 * keystroke's commit always did: its passive effects run inside it and their updates (the map
 * reporting its new layout) get the default lane. The count restarts only when a default-lane
 * commit runs, so while keys came faster than React's scheduler task it climbed once per key, and
 * the 51st threw #185 from this setState (board.spec's intermittent failure; the stack matches,
 * the loop was not reproduced on demand). Published from a task, text renders at default
 * priority together with that pending work.
 */
export function createBoardPublisher(publish: () => void): BoardPublisher {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const now = () => {
    // A full read includes any text change still waiting: one publish serves both.
    cancel();
    publish();
  };
  return {
    changed(transaction) {
      if (onlyTextChanged(transaction)) {
        timer ??= setTimeout(() => {
          timer = null;
          publish();
        }, 0);
        return;
      }
      now();
    },
    now,
    cancel,
  };
}
