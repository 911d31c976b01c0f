import {
  applyAndClassify,
  type Change,
  checkChanges,
  checkChildUpdate,
  layoutChanges,
  type PermissionVerdict,
  type RoomDocument,
} from '@kinmap/model';
import * as Y from 'yjs';
import type { ConnectionActor } from '../roomContracts.js';

/**
 * The server side of the permission matrix (docs/SPEC.md [AC1]–[AC19]): every client update is
 * classified against the board as it stands when the update's turn comes, and checked against
 * the sender's role and member id.
 *
 * Classifying means applying the update, so the guard keeps a shadow copy of the room's doc
 * and applies each update there first; the room's doc only ever receives accepted updates.
 * The shadow is a normal (garbage-collecting) doc: yjs emits `afterTransaction` before it
 * collects deleted content, so a removed card can still be read while the update is classified.
 */
export interface UpdateGuard {
  /**
   * Checks one client update. On `ok` the shadow already holds it: the caller must now store and
   * apply it to the room's doc, or call `resync` if it cannot.
   */
  check(update: Uint8Array, sender: ConnectionActor): PermissionVerdict;
  /** `check`, also returning the classified changes (the audit stores them with the update). */
  checkAndClassify(
    update: Uint8Array,
    sender: ConnectionActor,
  ): { readonly verdict: PermissionVerdict; readonly changes: readonly Change[] };
  /** The room's doc changed without this guard (a server change): apply the same update to the shadow. */
  follow(update: Uint8Array): void;
  /** The shadow may differ from the room's doc (an accepted update was not applied): copy it again. */
  resync(): void;
  destroy(): void;
}

/**
 * `document`: which of the board's two documents `board` is ([AC20], [AC21] differ between them).
 * `boardLocked`: for the restricted document, the shared board's lock, which it follows ([AC11]).
 */
export function createUpdateGuard(
  board: Y.Doc,
  document: RoomDocument = 'shared',
  boardLocked: () => boolean = () => false,
): UpdateGuard {
  // Built on first use, so loading a board costs nothing extra until someone writes.
  let shadow: Y.Doc | null = null;

  function copyOfBoard(): Y.Doc {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(board));
    return copy;
  }

  function resync(): void {
    shadow?.destroy();
    shadow = null;
  }

  function checkAndClassify(update: Uint8Array, sender: ConnectionActor) {
    shadow ??= copyOfBoard();
    if (document === 'child') {
      // A child's tool: its own small layout and writers ([AC50], [AC51]); no card changes to classify.
      const { verdict, intact } = checkChildUpdate(shadow, update, sender);
      if (!verdict.ok || !intact) resync();
      return { verdict, changes: [] };
    }
    const classified = applyAndClassify(shadow, update);
    // The connection's access is the actor: one shape from the upgrade to the check.
    // A value against the layout's rules is refused first, whoever sent it ([AC19]).
    const checked = [...layoutChanges(classified.layoutProblems), ...classified.changes];
    const verdict = checkChanges(checked, sender, {
      locked: classified.lockedBefore || boardLocked(),
      document,
    });
    // A refused update is in the shadow now; the next check starts from a fresh copy.
    if (!verdict.ok || !classified.intact) resync();
    return { verdict, changes: classified.changes };
  }

  return {
    check: (update, sender) => checkAndClassify(update, sender).verdict,
    checkAndClassify,
    follow(update) {
      if (shadow === null) return;
      try {
        Y.applyUpdate(shadow, update);
      } catch {
        resync();
      }
    },
    resync,
    destroy: resync,
  };
}
