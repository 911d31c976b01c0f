import { type CardId, editCardText, getCardText, type TextEdit } from '@kinmap/model';
import { type KeyboardEvent, useCallback, useEffect, useMemo } from 'react';
import type { MessageKey } from '../lib/messages';
import type { BoardWriter } from './boardActions';
import { useYTextBinding, type YTextBinding } from './useYTextBinding';

/** What every card editor is given: the card, who writes to it, and where closing and notices go. */
export interface CardTextEditorProps {
  readonly writer: BoardWriter;
  readonly cardId: CardId;
  /** `keyboard` when the person pressed Escape (focus should go back where it came from), `blur` otherwise. */
  readonly onClose: (how: 'keyboard' | 'blur') => void;
  readonly onNotice: (key: MessageKey) => void;
}

export interface CardTextEditor extends YTextBinding<HTMLTextAreaElement> {
  /** Escape or Ctrl/Cmd+Enter closes the editor (`keyboard`): put on the textarea's `onKeyDown`. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}

/**
 * What every card editor does, on the map and in the outline: bind a textarea to the card's Y.Text
 * through the model's `editCardText` (a refused edit shows `notice.editFailed`), take the focus with
 * the caret at the end when it opens, and close on Escape or Ctrl+Enter.
 */
export function useCardTextEditor(
  { writer, cardId, onClose, onNotice }: CardTextEditorProps,
  fitHeight: (el: HTMLTextAreaElement) => void,
): CardTextEditor {
  const { doc, actor } = writer;
  const ytext = useMemo(() => getCardText(doc, cardId), [doc, cardId]);
  const write = useCallback(
    (edit: TextEdit) => {
      const ok = editCardText(doc, actor, cardId, edit).ok;
      if (!ok) onNotice('notice.editFailed');
      return ok;
    },
    [doc, actor, cardId, onNotice],
  );
  const { ref, onInput } = useYTextBinding<HTMLTextAreaElement>(ytext, write, fitHeight);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [ref]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        onClose('keyboard');
      }
    },
    [onClose],
  );

  return { ref, onInput, onKeyDown };
}

/**
 * Grows a textarea with its text, plus `extra` pixels (its borders); CSS min-height keeps it at
 * least as tall as it starts. Where the browser sizes a field to its content itself (CSS
 * `field-sizing`), it does: measuring `scrollHeight` on every key made the browser lay the page out
 * inside the keystroke (a forced layout, the largest cost left of a keystroke on a large board).
 */
export function fitTextareaHeight(extra = 0): (el: HTMLTextAreaElement) => void {
  return (el) => {
    if (sizesItself()) {
      if (el.style.getPropertyValue('field-sizing') !== 'content')
        el.style.setProperty('field-sizing', 'content');
      return;
    }
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + extra}px`;
  };
}

let fieldSizing: boolean | undefined;

function sizesItself(): boolean {
  fieldSizing ??=
    typeof CSS !== 'undefined' &&
    typeof CSS.supports === 'function' &&
    CSS.supports('field-sizing', 'content');
  return fieldSizing;
}
