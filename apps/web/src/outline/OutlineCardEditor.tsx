import { type CardTextEditorProps, fitTextareaHeight, useCardTextEditor } from '../editing/useCardTextEditor';
import { t } from '../lib/messages';

export interface OutlineCardEditorProps extends CardTextEditorProps {
  /** Names the card for screen readers, e.g. "card 2 in Harm". */
  readonly cardRef: string;
}

/** The outline's editor has a 1px border above and below its text. */
const fitHeight = fitTextareaHeight(2);

/** The card's words in a textarea bound to its Y.Text, so several people can type in it at once. */
export function OutlineCardEditor({ cardRef, ...card }: OutlineCardEditorProps) {
  const { ref, onInput, onKeyDown } = useCardTextEditor(card, fitHeight);

  const hintId = `outline-hint-${card.cardId}`;
  return (
    <>
      <textarea
        ref={ref}
        className="outline-card__editor"
        dir="auto"
        rows={2}
        spellCheck
        aria-label={t('outline.textLabel', { card: cardRef })}
        aria-describedby={hintId}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => card.onClose('blur')}
      />
      <p id={hintId} className="outline-card__hint">
        {t('outline.textHint')}
      </p>
    </>
  );
}
