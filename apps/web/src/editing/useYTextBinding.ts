import { type TextEdit, textDiff } from '@kinmap/model';
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { type TextDeltaOp, transformCaret } from './caret';

type TextField = HTMLTextAreaElement | HTMLInputElement;

export interface YTextBinding<E extends TextField> {
  readonly ref: RefObject<E | null>;
  /** Put on the element's `onInput`: sends what the person typed as the minimal edit. */
  readonly onInput: () => void;
}

/**
 * Binds an uncontrolled textarea or input to a Y.Text, both ways: each input becomes the minimal
 * edit (applied by `write`, which goes through the model and may refuse it), and other people's
 * changes are merged in while the caret stays on the same words. React never sets the value, so it
 * never resets the caret. `onChanged` runs after either kind of change (e.g. to grow a textarea).
 */
export function useYTextBinding<E extends TextField>(
  ytext: Y.Text | null,
  write: (edit: TextEdit) => boolean,
  onChanged?: (el: E) => void,
): YTextBinding<E> {
  const ref = useRef<E | null>(null);
  const changed = useRef(onChanged);
  changed.current = onChanged;

  useEffect(() => {
    const el = ref.current;
    if (!el || !ytext) return;
    el.value = ytext.toString();
    changed.current?.(el);
    const onRemote = (event: Y.YTextEvent) => {
      const next = ytext.toString();
      // Our own input is already in the field; only others' changes need merging in.
      if (el.value === next) return;
      const delta = event.delta as TextDeltaOp[];
      const start = transformCaret(el.selectionStart ?? 0, delta);
      const end = transformCaret(el.selectionEnd ?? 0, delta);
      el.value = next;
      if (el === el.ownerDocument.activeElement) el.setSelectionRange(start, end);
      changed.current?.(el);
    };
    ytext.observe(onRemote);
    return () => ytext.unobserve(onRemote);
  }, [ytext]);

  const onInput = useCallback(() => {
    const el = ref.current;
    if (!el || !ytext) return;
    const before = ytext.toString();
    if (before !== el.value && !write(textDiff(before, el.value))) el.value = before;
    changed.current?.(el);
  }, [ytext, write]);

  return { ref, onInput };
}
