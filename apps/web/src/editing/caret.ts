/** One step of a Y.Text change, as Yjs reports it in `event.delta`. */
export interface TextDeltaOp {
  readonly insert?: string | object;
  readonly retain?: number;
  readonly delete?: number;
}

/**
 * Where a caret at `index` ends up after someone else's change. Text inserted exactly at the
 * caret goes after it, so a remote writer never pushes the local caret around mid-word.
 */
export function transformCaret(index: number, delta: readonly TextDeltaOp[]): number {
  let cursor = 0;
  let moved = index;
  for (const op of delta) {
    if (cursor >= index) break;
    if (op.retain !== undefined) {
      cursor += op.retain;
    } else if (op.insert !== undefined) {
      moved += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      moved -= Math.min(op.delete, index - cursor);
      cursor += op.delete;
    }
  }
  return moved;
}
