import type { TextEdit } from '@kinmap/model';
import { useEffect, useId } from 'react';
import type * as Y from 'yjs';
import { useYTextBinding } from '../editing/useYTextBinding';

export interface PlanTextAreaProps {
  readonly label: string;
  readonly hint?: string;
  /** The shared text; null only for a damaged record, which then cannot be typed into. */
  readonly ytext: Y.Text | null;
  readonly write: (edit: TextEdit) => boolean;
  readonly focusOnMount?: boolean;
}

const MAX_PLAN_TEXT = 20_000;

function grow(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
}

/**
 * A labelled textarea bound to a shared text: several people can type in it at once and every
 * caret stays on its own words (see useYTextBinding). It grows with its text.
 */
export function PlanTextArea({ label, hint, ytext, write, focusOnMount = false }: PlanTextAreaProps) {
  const id = useId();
  const binding = useYTextBinding<HTMLTextAreaElement>(ytext, write, grow);
  const { ref } = binding;
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount, ref]);
  return (
    <div className="plan-field">
      <label className="plan-field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        ref={binding.ref}
        rows={2}
        dir="auto"
        maxLength={MAX_PLAN_TEXT}
        readOnly={ytext === null}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={binding.onInput}
      />
    </div>
  );
}
