import { type CardId, editCardText, getCardText, textDiff } from '@kinmap/model';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import type { BoardWriter } from './boardActions';
import { type TextDeltaOp, transformCaret } from './caret';
import { FONT_FAMILY, INK, SELECTION } from './colors';
import type { Rect } from './geometry';
import { METRICS, TEXT_STYLES } from './layout';
import { type MessageKey, t } from './messages';

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

/**
 * A plain textarea over the card, bound to the card's Y.Text: each input is sent as the minimal
 * change, and changes from others are merged in while the caret stays on the same words.
 * The textarea is uncontrolled so React never resets the caret.
 */
export function CardEditor({ writer, cardId, rect, onClose, onNotice }: CardEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const { doc, actor } = writer;

  useEffect(() => {
    const el = ref.current;
    const ytext = getCardText(doc, cardId);
    if (!el || !ytext) return;
    el.value = ytext.toString();
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    fitHeight(el);
    const onRemote = (event: Y.YTextEvent) => {
      const next = ytext.toString();
      // Our own input is already in the textarea; only others' changes need merging in.
      if (el.value === next) return;
      const delta = event.delta as TextDeltaOp[];
      const start = transformCaret(el.selectionStart, delta);
      const end = transformCaret(el.selectionEnd, delta);
      el.value = next;
      el.setSelectionRange(start, end);
      fitHeight(el);
    };
    ytext.observe(onRemote);
    return () => ytext.unobserve(onRemote);
  }, [doc, cardId]);

  const onInput = () => {
    const el = ref.current;
    const ytext = getCardText(doc, cardId);
    if (!el || !ytext) return;
    const before = ytext.toString();
    if (before === el.value) return;
    const result = editCardText(doc, actor, cardId, textDiff(before, el.value));
    if (!result.ok) {
      el.value = before;
      onNotice('notice.editFailed');
    }
    fitHeight(el);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      onClose('keyboard');
    }
  };

  const text = TEXT_STYLES.cardText;
  const { cardPaddingX, cardPaddingY, stripeWidth } = METRICS;
  return (
    <textarea
      ref={ref}
      aria-label={t('editor.label')}
      className="card-editor"
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
