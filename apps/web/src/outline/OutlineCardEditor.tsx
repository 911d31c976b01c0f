import type { CardId } from '@kinmap/model';
import type { BoardWriter } from '../editing/boardActions';
import { useCardTextEditor } from '../editing/useCardTextEditor';
import { type MessageKey, t } from '../lib/messages';

export interface OutlineCardEditorProps {
  readonly writer: BoardWriter;
  readonly cardId: CardId;
  /** Names the card for screen readers, e.g. "card 2 in Harm". */
  readonly cardRef: string;
  /** `keyboard` when the person pressed Escape (focus goes back to the card), `blur` otherwise. */
  readonly onClose: (how: 'keyboard' | 'blur') => void;
  readonly onNotice: (key: MessageKey) => void;
}

function fitHeight(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
}

/** The card's words in a textarea bound to its Y.Text, so several people can type in it at once. */
export function OutlineCardEditor({ writer, cardId, cardRef, onClose, onNotice }: OutlineCardEditorProps) {
  const { ref, onInput, onKeyDown } = useCardTextEditor(writer, cardId, onClose, onNotice, fitHeight);

  const hintId = `outline-hint-${cardId}`;
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
        onBlur={() => onClose('blur')}
      />
      <p id={hintId} className="outline-card__hint">
        {t('outline.textHint')}
      </p>
    </>
  );
}
