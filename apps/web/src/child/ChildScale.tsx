import { CHILD_LIMITS, setChildScale } from '@kinmap/model';
import { useId } from 'react';
import type * as Y from 'yjs';
import { t } from '../lib/messages';

export interface ChildScaleProps {
  readonly doc: Y.Doc;
  /** The child's own number, or null before they chose. */
  readonly value: number | null;
  readonly childName: string;
  readonly canWrite: boolean;
  readonly onRefused: () => void;
}

const STEPS = Array.from({ length: CHILD_LIMITS.scale + 1 }, (_, i) => i);

/**
 * The Safety House's path: where the child is, from 0 (far away) to 10 (at the house), as eleven
 * big choices a finger can hit. Radio buttons, so arrow keys move along the path; the child's
 * number is written to the tool's own document, not to the board (that is the worker's choice).
 */
export function ChildScale({ doc, value, childName, canWrite, onRefused }: ChildScaleProps) {
  const name = useId();
  const choose = (next: number | null) => {
    if (!setChildScale(doc, next).ok) onRefused();
  };
  return (
    <fieldset className="child-scale">
      <legend className="child-scale__legend">{t('child.scale.legend', { child: childName })}</legend>
      <div className="child-scale__ends" aria-hidden="true">
        <span>{t('child.scale.low')}</span>
        <span>{t('child.scale.high')}</span>
      </div>
      <div className="child-scale__steps">
        {STEPS.map((step) => (
          <label key={step} className="child-scale__step">
            <input
              type="radio"
              name={name}
              value={step}
              checked={value === step}
              disabled={!canWrite}
              aria-label={
                step === 0
                  ? t('child.scale.low')
                  : step === CHILD_LIMITS.scale
                    ? t('child.scale.high')
                    : undefined
              }
              onChange={() => choose(step)}
            />
            <span>{t('child.scale.value', { value: step })}</span>
          </label>
        ))}
      </div>
      <p className="child-scale__chosen" role="status">
        {value === null
          ? t('child.scale.none', { child: childName })
          : t('child.scale.chosen', { child: childName, value })}
      </p>
      {canWrite && value !== null && (
        <button type="button" className="child-scale__clear" onClick={() => choose(null)}>
          {t('child.scale.clear')}
        </button>
      )}
    </fieldset>
  );
}
