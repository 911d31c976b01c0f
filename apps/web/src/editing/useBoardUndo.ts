import { useCallback, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { type BoardUndo, boardUndo } from './undo';

export interface UndoControls {
  readonly history: BoardUndo | null;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undo: () => void;
  readonly redo: () => void;
}

/** This person's undo history for the board, with whether undo and redo can do anything now. */
export function useBoardUndo(doc: Y.Doc | null): UndoControls {
  const history = useMemo(() => (doc ? boardUndo(doc) : null), [doc]);
  const [can, setCan] = useState({ undo: false, redo: false });

  useEffect(() => {
    if (!history) return;
    const refresh = () => setCan({ undo: history.canUndo(), redo: history.canRedo() });
    refresh();
    const { manager } = history;
    manager.on('stack-item-added', refresh);
    manager.on('stack-item-popped', refresh);
    manager.on('stack-cleared', refresh);
    return () => {
      manager.off('stack-item-added', refresh);
      manager.off('stack-item-popped', refresh);
      manager.off('stack-cleared', refresh);
    };
  }, [history]);

  const undo = useCallback(() => {
    history?.undo();
  }, [history]);
  const redo = useCallback(() => {
    history?.redo();
  }, [history]);
  return { history, canUndo: can.undo, canRedo: can.redo, undo, redo };
}
