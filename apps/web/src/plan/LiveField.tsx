import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { debounce } from './debounce';

export interface LiveFieldProps {
  readonly label: string;
  /** The value on the board; shown whenever this person is not typing in the field. */
  readonly value: string;
  readonly onSave: (value: string) => void;
  readonly maxLength: number;
  readonly multiline?: boolean;
  /** Puts the caret here when the field first appears (a person just added with the keyboard). */
  readonly focusOnMount?: boolean;
}

// Short enough that others see words appear while they are typed, long enough not to send
// one change per keystroke.
const SAVE_DELAY_MS = 250;

/**
 * A labelled field for a short plain-text detail (the last save wins, unlike the shared texts).
 * While focused it shows what this person is typing and saves it after a short pause and on
 * leaving the field; otherwise it shows the board's value, so others' changes appear live.
 */
export function LiveField({
  label,
  value,
  onSave,
  maxLength,
  multiline = false,
  focusOnMount = false,
}: LiveFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const saveRef = useRef(onSave);
  saveRef.current = onSave;
  const save = useMemo(() => debounce((next: string) => saveRef.current(next), SAVE_DELAY_MS), []);
  // Leaving the view keeps the last words typed.
  useEffect(() => () => save.flush(), [save]);
  const fieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusOnMount) fieldRef.current?.focus();
  }, [focusOnMount]);

  const common = {
    id,
    ref: fieldRef,
    value: draft ?? value,
    maxLength,
    dir: 'auto',
    onFocus: () => setDraft(value),
    onChange: (event: { currentTarget: { value: string } }) => {
      const next = event.currentTarget.value;
      setDraft(next);
      save(next);
    },
    onBlur: () => {
      save.flush();
      setDraft(null);
    },
  };
  return (
    <div className="plan-field">
      <label className="plan-field__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" autoComplete="off" {...common} />}
    </div>
  );
}
