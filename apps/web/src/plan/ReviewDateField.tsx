import { useId, useState } from 'react';
import { t } from '../lib/messages';
import { isReviewOverdue, localToday, parseReviewDate } from './reviewDate';

export interface ReviewDateFieldProps {
  readonly reviewDate: string | null;
  /** Saves a checked date (null clears it). */
  readonly onSave: (reviewDate: string | null) => void;
}

/** The date the plan is looked at again; a date that is not a real one is not saved. */
export function ReviewDateField({ reviewDate, onSave }: ReviewDateFieldProps) {
  const id = useId();
  const [invalid, setInvalid] = useState(false);
  const overdue = isReviewOverdue(reviewDate, localToday(new Date()));
  const describedBy = invalid ? `${id}-error` : overdue ? `${id}-overdue` : undefined;
  return (
    <div className="plan-field">
      <label className="plan-field__label" htmlFor={id}>
        {t('plan.reviewDate')}
      </label>
      <input
        id={id}
        type="date"
        className="plan-date"
        value={reviewDate ?? ''}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => {
          const parsed = parseReviewDate(event.currentTarget.value);
          setInvalid(!parsed.ok);
          if (parsed.ok) onSave(parsed.reviewDate);
        }}
      />
      {invalid && (
        <p id={`${id}-error`} className="error" role="alert">
          {t('plan.reviewDate.invalid')}
        </p>
      )}
      {!invalid && overdue && (
        <p id={`${id}-overdue`} className="hint">
          {t('plan.reviewDate.passed')}
        </p>
      )}
    </div>
  );
}
