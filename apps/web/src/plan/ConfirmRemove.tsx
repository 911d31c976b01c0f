import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { t } from '../messages';

export interface ConfirmRemoveProps {
  /** The button's words, naming what goes: "Remove Nan". */
  readonly label: string;
  readonly question: string;
  readonly onConfirm: () => void;
}

/**
 * A remove button that asks first, in the page rather than a pop-up, so it reads the same with a
 * screen reader and on a phone. Focus goes to "Keep" (the safe answer) and back to the button
 * when the person keeps it.
 */
export function ConfirmRemove({ label, question, onConfirm }: ConfirmRemoveProps) {
  const [asking, setAsking] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) keepRef.current?.focus();
    else if (returnFocus) {
      removeRef.current?.focus();
      setReturnFocus(false);
    }
  }, [asking, returnFocus]);

  const keep = () => {
    setAsking(false);
    setReturnFocus(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Escape') keep();
  };

  if (!asking) {
    return (
      <button ref={removeRef} type="button" className="danger plan-remove" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <fieldset className="plan-confirm">
      <legend className="plan-confirm__question">{question}</legend>
      <button type="button" className="danger plan-confirm__answer" onClick={onConfirm} onKeyDown={onKeyDown}>
        {t('plan.confirm.yes')}
      </button>
      <button
        ref={keepRef}
        type="button"
        className="plan-confirm__answer"
        onClick={keep}
        onKeyDown={onKeyDown}
      >
        {t('plan.confirm.no')}
      </button>
    </fieldset>
  );
}
