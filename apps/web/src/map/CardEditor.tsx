import { METRICS, TEXT_STYLES, type TextStyle } from '../canvas/boardMetrics';
import { FONT_FAMILY, INK, SELECTION } from '../canvas/colors';
import type { Rect } from '../canvas/geometry';
import { type CardTextEditorProps, fitTextareaHeight, useCardTextEditor } from '../editing/useCardTextEditor';
import { t } from '../lib/messages';

export interface CardEditorProps extends CardTextEditorProps {
  /** The card's rectangle in board coordinates; the editor sits exactly over it. */
  readonly rect: Rect;
  /** The card text's style in the layout (larger on a wall): the editor types in the same. */
  readonly textStyle?: TextStyle | undefined;
}

/** CSS min-height keeps the editor at least as tall as the card. */
const fitHeight = fitTextareaHeight();

/** A plain textarea over the card, bound to the card's Y.Text (see `useCardTextEditor`). */
export function CardEditor({ rect, textStyle, ...card }: CardEditorProps) {
  const { ref, onInput, onKeyDown } = useCardTextEditor(card, fitHeight);

  const text = textStyle ?? TEXT_STYLES.cardText;
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
      onBlur={() => card.onClose('blur')}
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
