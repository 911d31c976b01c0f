import type { CardId } from '@kinmap/model';
import { METRICS, TEXT_STYLES } from '../canvas/boardMetrics';
import { FONT_FAMILY, INK, SELECTION } from '../canvas/colors';
import type { Rect } from '../canvas/geometry';
import type { BoardWriter } from '../editing/boardActions';
import { useCardTextEditor } from '../editing/useCardTextEditor';
import { type MessageKey, t } from '../lib/messages';

export interface CardEditorProps {
  readonly writer: BoardWriter;
  readonly cardId: CardId;
  /** The card's rectangle in board coordinates; the editor sits exactly over it. */
  readonly rect: Rect;
  /** `keyboard` when the person pressed Escape (focus should return to the board), `blur` otherwise. */
  readonly onClose: (how: 'keyboard' | 'blur') => void;
  readonly onNotice: (key: MessageKey) => void;
}

/** Grows the textarea with its text; CSS min-height keeps it at least as tall as the card. */
function fitHeight(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight}px`;
}

/** A plain textarea over the card, bound to the card's Y.Text (see `useCardTextEditor`). */
export function CardEditor({ writer, cardId, rect, onClose, onNotice }: CardEditorProps) {
  const { ref, onInput, onKeyDown } = useCardTextEditor(writer, cardId, onClose, onNotice, fitHeight);

  const text = TEXT_STYLES.cardText;
  const { cardPaddingX, cardPaddingY, stripeWidth } = METRICS;
  return (
    <textarea
      ref={ref}
      aria-label={t('editor.label')}
      className="card-editor"
      // Arabic or Urdu typed into a card runs right to left while it is edited too.
      dir="auto"
      spellCheck
      onInput={onInput}
      onKeyDown={onKeyDown}
      onBlur={() => onClose('blur')}
      style={{
        position: 'absolute',
        left: rect.x,
        top: rect.y,
        width: rect.width,
        minHeight: rect.height,
        boxSizing: 'border-box',
        margin: 0,
        padding: `${cardPaddingY}px ${cardPaddingX}px ${cardPaddingY}px ${stripeWidth + cardPaddingX}px`,
        border: 'none',
        borderRadius: 6,
        outline: `3px solid ${SELECTION}`,
        background: '#ffffff',
        color: INK,
        fontFamily: FONT_FAMILY,
        fontSize: text.size,
        lineHeight: `${text.lineHeight}px`,
        resize: 'none',
        overflow: 'hidden',
        zIndex: 2,
      }}
    />
  );
}
