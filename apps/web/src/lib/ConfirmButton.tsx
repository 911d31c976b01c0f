import { type KeyboardEvent, useEffect, useRef, useState } from 'react';

export interface ConfirmButtonProps {
  /** The button's words, naming what happens: "Close the meeting", "Remove Nan". */
  readonly label: string;
  readonly question: string;
  readonly yes: string;
  readonly no: string;
  readonly disabled?: boolean;
  /** A removal: the button and the "yes" answer look dangerous. */
  readonly danger?: boolean;
  readonly onConfirm: () => void;
}

/**
 * A button that asks first, in the page rather than a pop-up, so it reads the same with a screen
 * reader and on a phone. Focus goes to the safe answer, and back to the button when the person
 * changes their mind.
 */
export function ConfirmButton({
  label,
  question,
  yes,
  no,
  disabled = false,
  danger = false,
  onConfirm,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const noRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) noRef.current?.focus();
    else if (returnFocus) {
      buttonRef.current?.focus();
      setReturnFocus(false);
    }
  }, [asking, returnFocus]);

  const cancel = () => {
    setAsking(false);
    setReturnFocus(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Escape') cancel();
  };

  if (!asking) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className={danger ? 'danger plan-remove' : undefined}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset className="plan-confirm">
      <legend className="plan-confirm__question">{question}</legend>
      <button
        type="button"
        className={danger ? 'danger plan-confirm__answer' : 'plan-confirm__answer'}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        onKeyDown={onKeyDown}
      >
        {yes}
      </button>
      <button
        ref={noRef}
        type="button"
        className="plan-confirm__answer"
        onClick={cancel}
        onKeyDown={onKeyDown}
      >
        {no}
      </button>
    </fieldset>
  );
}
