import { Origins } from '@kinmap/model';
import * as Y from 'yjs';

/**
 * The board's top-level maps whose changes a person can undo. `participants` is left out on
 * purpose: joining the board is not something "undo" should take back.
 */
export const UNDO_SCOPE = ['meta', 'cards', 'pairs', 'scales', 'network', 'rules', 'plan'] as const;

/** Changes closer together than this (and not split by `stopCapturing`) are one undo step. */
const CAPTURE_MS = 500;

export interface BoardUndo {
  readonly manager: Y.UndoManager;
  /** Undoes this person's last step; false when there was nothing to undo. */
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  /** The next change starts a new undo step (call before each separate action). */
  startStep(): void;
  /**
   * Everything until `endGroup` is one step, however long it takes: one editor session (adding
   * a card and typing its words) is undone as a whole.
   */
  beginGroup(): void;
  endGroup(): void;
}

const perDoc = new WeakMap<Y.Doc, BoardUndo>();

/**
 * The undo history of this person for this document, created on first use and kept for the
 * document's life (so switching views keeps it). Only transactions whose origin is the model's
 * `Origins.local` are recorded: changes that arrive from others carry another origin and are
 * never undone here.
 */
/**
 * [AC34] Undo never removes who changed a card or whose suggestion was accepted: the server
 * refuses that. Undoing a staff edit of someone's card brings the text back and keeps the record.
 */
function keepsRecord(item: Y.Item): boolean {
  const parent = item.parent as Y.AbstractType<unknown> | null;
  const key = parent?._item?.parentSub;
  return key !== 'editedBy' && key !== 'suggestedBy';
}

export function boardUndo(doc: Y.Doc): BoardUndo {
  const existing = perDoc.get(doc);
  if (existing) return existing;
  const manager = new Y.UndoManager(
    UNDO_SCOPE.map((name) => doc.getMap(name)),
    {
      trackedOrigins: new Set<unknown>([Origins.local]),
      captureTimeout: CAPTURE_MS,
      deleteFilter: keepsRecord,
    },
  );
  const undo: BoardUndo = {
    manager,
    undo: () => manager.undo() !== null,
    redo: () => manager.redo() !== null,
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    startStep: () => manager.stopCapturing(),
    beginGroup: () => {
      // Idempotent: adding a card opens the group, then the editor opening must not split it.
      if (manager.captureTimeout === Number.POSITIVE_INFINITY) return;
      manager.stopCapturing();
      manager.captureTimeout = Number.POSITIVE_INFINITY;
    },
    endGroup: () => {
      manager.captureTimeout = CAPTURE_MS;
      manager.stopCapturing();
    },
  };
  perDoc.set(doc, undo);
  doc.once('destroy', () => perDoc.delete(doc));
  return undo;
}
