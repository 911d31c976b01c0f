import { type BoardState, type CardState, ownValue } from '@kinmap/model';
import { cardMetaText } from '../canvas/cardMeta';
import { t } from '../lib/messages';

/** How much of a card's text an announcement reads out. */
export const ANNOUNCED_WORDS = 140;
/** More changes than this at once are read as the first ones and a count of the rest. */
export const ANNOUNCED_CHANGES = 3;

function words(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return t('announce.emptyCard');
  return trimmed.length > ANNOUNCED_WORDS ? `${trimmed.slice(0, ANNOUNCED_WORDS)}…` : trimmed;
}

function nameOf(board: BoardState, participantId: string): string {
  return ownValue(board.participants, participantId)?.displayName || t('notes.someone');
}

/**
 * What a screen reader says when the keyboard chooses a card: its section, its place there,
 * its words, who wrote it and its marks (agreement, disagreement, professionals only).
 */
export function cardAnnouncement(card: CardState, board: BoardState, place?: { index: number; of: number }) {
  const parts = [
    place
      ? t('announce.cardPlace', {
          section: t(`category.${card.category}`),
          index: place.index + 1,
          total: place.of,
        })
      : t(`category.${card.category}`),
    words(card.text),
    t('notes.writtenBy', { name: nameOf(board, card.authorId) }),
  ];
  const meta = cardMetaText(card, board.participants);
  if (meta) parts.push(meta.replaceAll('  ·  ', ', '));
  return parts.join('. ');
}

/** Who last changed a card's words: the latest of those who changed it, else its author. */
function lastEditor(card: CardState): string {
  let who = card.authorId as string;
  let at = Number.NEGATIVE_INFINITY;
  for (const [id, when] of Object.entries(card.editedBy ?? {}))
    if (typeof when === 'number' && when > at) {
      who = id;
      at = when;
    }
  return who;
}

/**
 * Others' changes between two states of the board, in words for a polite live region: cards
 * added, changed, moved and removed, and marks given, with who did it where the board records it.
 * Changes this person made (`me`) are left out. Only cards in the boards given are named, so a
 * professionals-only card is never announced to someone whose board does not hold it.
 */
export function changeAnnouncements(prev: BoardState, next: BoardState, me: string): string[] {
  const out: string[] = [];
  if (prev.cards === next.cards) return out;
  for (const card of Object.values(next.cards)) {
    const before = ownValue(prev.cards, card.id);
    // The reading keeps an untouched card's object: nothing to say about it (a keystroke touches one).
    if (before === card) continue;
    const section = t(`category.${card.category}`);
    if (!before) {
      if (card.authorId !== me)
        out.push(t('announce.added', { name: nameOf(next, card.authorId), section, card: words(card.text) }));
      continue;
    }
    if (before.text !== card.text) {
      const who = lastEditor(card);
      if (who !== me)
        out.push(t('announce.changed', { name: nameOf(next, who), section, card: words(card.text) }));
    }
    if (before.category !== card.category) out.push(t('announce.moved', { section, card: words(card.text) }));
    for (const [id, mark] of Object.entries(card.marks)) {
      if (id === me || before.marks[id] === mark) continue;
      const key = mark === 'agree' ? 'announce.agrees' : 'announce.disagrees';
      out.push(t(key, { name: nameOf(next, id), card: words(card.text) }));
    }
    if (before.professionalsOnly !== card.professionalsOnly)
      out.push(
        t(card.professionalsOnly ? 'announce.nowProfessionalsOnly' : 'announce.nowForEveryone', {
          card: words(card.text),
        }),
      );
  }
  for (const card of Object.values(prev.cards))
    if (!ownValue(next.cards, card.id))
      out.push(t('announce.removed', { section: t(`category.${card.category}`), card: words(card.text) }));
  return out;
}

/** Several changes read as one message: the first few, then how many more. */
export function summariseChanges(messages: readonly string[]): string {
  if (messages.length <= ANNOUNCED_CHANGES) return messages.join(' ');
  const rest = messages.length - ANNOUNCED_CHANGES;
  return [...messages.slice(0, ANNOUNCED_CHANGES), t('announce.more', { count: rest })].join(' ');
}
