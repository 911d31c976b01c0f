import { ConfirmButton } from '../lib/ConfirmButton';
import { t } from '../lib/messages';

export interface ConfirmRemoveProps {
  /** The button's words, naming what goes: "Remove Nan". */
  readonly label: string;
  readonly question: string;
  readonly onConfirm: () => void;
}

/** A remove button that asks first; "Keep" is the safe answer. */
export function ConfirmRemove({ label, question, onConfirm }: ConfirmRemoveProps) {
  return (
    <ConfirmButton
      label={label}
      question={question}
      yes={t('plan.confirm.yes')}
      no={t('plan.confirm.no')}
      danger
      onConfirm={onConfirm}
    />
  );
}
