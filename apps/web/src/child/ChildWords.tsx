import { applyTextEdit, CHILD_LIMITS, childWordsText, setChildWords, type TextEdit } from '@kinmap/model';
import { useCallback, useId, useMemo } from 'react';
import type * as Y from 'yjs';
import { useYTextBinding } from '../editing/useYTextBinding';
import { t } from '../lib/messages';

export interface ChildWordsProps {
  readonly doc: Y.Doc;
  readonly area: string;
  readonly childName: string;
  /** Words and Pictures is the worker's explanation for the child, not the child's own words. */
  readonly forChild?: boolean;
  readonly canWrite: boolean;
  /** The area's question, read before the field ("What are you worried about?"). */
  readonly describedBy: string;
}

function grow(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
}

/**
 * The child's exact words in one area: a large field bound to the area's shared text, so the
 * worker on a laptop and the child on a tablet can both type and each caret stays on its own words.
 * Every change goes through the model's `setChildWords` (which keeps it to the smallest splice).
 */
export function ChildWords({
  doc,
  area,
  childName,
  forChild = false,
  canWrite,
  describedBy,
}: ChildWordsProps) {
  const id = useId();
  const ytext = useMemo(() => childWordsText(doc, area), [doc, area]);
  const write = useCallback(
    (edit: TextEdit) => {
      if (!ytext) return false;
      return setChildWords(doc, area, applyTextEdit(ytext.toString(), edit)).ok;
    },
    [doc, area, ytext],
  );
  const binding = useYTextBinding<HTMLTextAreaElement>(ytext, write, grow);
  return (
    <div className="child-words">
      <label className="child-words__label" htmlFor={id}>
        {t(forChild ? 'child.wordsFor' : 'child.words', { child: childName })}
      </label>
      <textarea
        id={id}
        ref={binding.ref}
        className="child-words__field"
        rows={3}
        dir="auto"
        maxLength={CHILD_LIMITS.words}
        readOnly={!canWrite || ytext === null}
        aria-describedby={describedBy}
        onInput={binding.onInput}
      />
    </div>
  );
}
