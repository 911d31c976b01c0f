import { type BoardState, type CardId, type Category, getCardText, ownValue } from '@kinmap/model';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useCardWriter, useRestrictedSession } from '../board/professionalsOnlyContext';
import type { BoardSession } from '../board/useBoard';
import {
  addCardTo,
  addProfessionalsOnlyCardTo,
  markCard,
  moveCardTo,
  removeCard,
} from '../editing/boardActions';
import type { MessageKey } from '../lib/messages';
import type { OutlineCardActions } from './OutlineCardItem';
import { categoryOrder, stepIndex } from './outlineModel';

const NOTICE_MS = 6000;

export interface OutlineActions extends OutlineCardActions {
  readonly editingId: CardId | null;
  /** The notice to show now, if a change could not be made. */
  readonly shownNotice: MessageKey | null;
  readonly add: (category: Category) => void;
  /** Staff's choice, made before writing: new cards are born professionals-only ([PO5]). */
  readonly newProfessionalsOnly: boolean;
  readonly setNewProfessionalsOnly: (flag: boolean) => void;
}

/** Where focus goes after a change re-renders the outline: a CSS selector inside the outline. */
export function cardControl(cardId: string, control: string): string {
  return `[data-card="${cardId}"] [data-control="${control}"]`;
}

export function addButton(category: Category): string {
  return `[data-add="${category}"]`;
}

/**
 * Every change the outline makes, through the same actions as the map, plus where the keyboard
 * focus goes afterwards: a moved card's list item is a new element, so focus is put back on it.
 */
export function useOutlineActions(
  session: BoardSession | null,
  visible: BoardState,
  everything: BoardState,
  root: RefObject<HTMLElement | null>,
): OutlineActions {
  const [editingId, setEditingId] = useState<CardId | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const focusNext = useRef<string | null>(null);
  // Cards added here in this session: one left empty when its editor closes is removed again.
  const newCards = useRef(new Set<CardId>());
  // A professionals-only card's changes go to the restricted document.
  const writerOf = useCardWriter(session);
  const restricted = useRestrictedSession();
  const [newProfessionalsOnly, setNewProfessionalsOnly] = useState(false);

  useLayoutEffect(() => {
    const selector = focusNext.current;
    if (!selector) return;
    const el = root.current?.querySelector<HTMLElement>(selector);
    if (el) {
      focusNext.current = null;
      el.focus();
    }
  });
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  useEffect(() => {
    if (editingId && !ownValue(visible.cards, editingId)) setEditingId(null);
  }, [visible, editingId]);

  const report = useCallback((result: { ok: boolean; notice?: MessageKey }) => {
    if (!result.ok && result.notice) setNotice(result.notice);
    return result.ok;
  }, []);

  return {
    editingId,
    shownNotice: notice,
    newProfessionalsOnly,
    setNewProfessionalsOnly,
    add: (category) => {
      if (!session) return;
      if (newProfessionalsOnly && !restricted) {
        setNotice('notice.restrictedOffline');
        return;
      }
      // Born in the restricted document: no family device ever receives it while it is typed.
      const result =
        newProfessionalsOnly && restricted
          ? addProfessionalsOnlyCardTo(restricted, everything, category)
          : addCardTo(session, category);
      if (!report(result) || !result.ok) return;
      newCards.current.add(result.value);
      setEditingId(result.value);
    },
    edit: (card) => setEditingId(card.id),
    closeEditor: (card, category, how) => {
      setEditingId((current) => (current === card.id ? null : current));
      const writer = writerOf(card.id);
      const text = writer ? getCardText(writer.doc, card.id)?.toString() : undefined;
      if (writer && newCards.current.delete(card.id) && text?.trim() === '') {
        removeCard(writer, card.id);
        if (how === 'keyboard') focusNext.current = addButton(category);
        return;
      }
      if (how === 'keyboard') focusNext.current = cardControl(card.id, 'edit');
    },
    step: (card, category, direction) => {
      const writer = writerOf(card.id);
      if (!writer) return;
      const visibleIds = categoryOrder(visible, category);
      const index = stepIndex(categoryOrder(everything, category), visibleIds, card.id, direction);
      if (index === null) return;
      focusNext.current = cardControl(card.id, direction);
      report(moveCardTo(writer, card.id, category, index));
    },
    moveTo: (card, to) => {
      const writer = writerOf(card.id);
      if (!writer) return;
      focusNext.current = cardControl(card.id, 'move-target');
      report(moveCardTo(writer, card.id, to, Number.MAX_SAFE_INTEGER));
    },
    remove: (card, category) => {
      const writer = writerOf(card.id);
      if (!writer) return;
      focusNext.current = addButton(category);
      report(removeCard(writer, card.id));
    },
    mark: (card, mark) => {
      const writer = writerOf(card.id);
      if (writer) report(markCard(writer, card.id, mark));
    },
    notice: setNotice,
  };
}
