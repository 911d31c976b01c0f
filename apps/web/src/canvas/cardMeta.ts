import { type CardState, ownValue } from '@kinmap/model';
import { t } from '../lib/messages';

/** Who is who on the board, for naming people on a card (absent: counts only). */
export type CardNames = Readonly<Record<string, { readonly displayName: string }>>;

/** The people of the case, for naming the child a card quotes. */
export type CasePeople = Readonly<Record<string, { readonly name: string }>>;

/**
 * The line under a quoted card's text ([AC52]): "Jo’s words", or "Jo’s words, from the house of
 * worries"; "A child’s words" once the child is no longer a person of the case (or the names are
 * not known here). Empty for a card that quotes nobody.
 */
export function quoteText(card: Pick<CardState, 'quote'>, people?: CasePeople): string {
  const { quote } = card;
  if (quote === undefined) return '';
  const name = people === undefined ? undefined : ownValue(people, quote.personId)?.name.trim();
  const place = quote.area === null ? null : t(`quote.area.${quote.area}`);
  if (name) return place === null ? t('card.quote', { name }) : t('card.quoteFrom', { name, place });
  return place === null ? t('card.quoteChild') : t('card.quoteChildFrom', { place });
}

type MetaCard = Pick<CardState, 'marks' | 'professionalsOnly'> &
  Partial<Pick<CardState, 'editedBy' | 'suggestions'>>;

/**
 * The line under a card's text: how many agree and who disagrees, who changed it if not its
 * author ([AC30]), pending suggestions, and the professionals-only flag.
 */
export function cardMetaText(card: MetaCard, names?: CardNames): string {
  const marks = Object.entries(card.marks);
  const parts: string[] = [];
  const nameOf = (id: string) => names?.[id]?.displayName || t('notes.someone');
  const agree = marks.filter(([, m]) => m === 'agree').length;
  const disputing = marks.filter(([, m]) => m === 'dispute').map(([id]) => id);
  if (agree > 0) parts.push(t('card.agree', { count: agree }));
  if (disputing.length > 0) {
    parts.push(
      names
        ? t('card.disputeBy', { names: disputing.map(nameOf).join(', ') })
        : t('card.dispute', { count: disputing.length }),
    );
  }
  const editors = Object.keys(card.editedBy ?? {});
  if (editors.length > 0 && names) parts.push(t('card.changedBy', { names: editors.map(nameOf).join(', ') }));
  const suggestions = Object.keys(card.suggestions ?? {}).length;
  if (suggestions > 0) parts.push(t('card.suggestions', { count: suggestions }));
  if (card.professionalsOnly) parts.push(t('card.professionalsOnly'));
  return parts.join('  ·  ');
}

/**
 * The notes under a card's text, in ink: its pair's number, who changed it if not its author
 * ([AC30]) and pending suggestions. Agreement, disagreement and professionals-only are badges.
 */
export function cardNotesText(
  card: Pick<CardState, 'pairId'> & Partial<Pick<CardState, 'editedBy' | 'suggestions'>>,
  pairNumber: number | null,
  names?: CardNames,
): string {
  const parts: string[] = [];
  const nameOf = (id: string) => names?.[id]?.displayName || t('notes.someone');
  if (card.pairId !== null && pairNumber !== null) parts.push(t('map.pair', { number: pairNumber }));
  const editors = Object.keys(card.editedBy ?? {});
  if (editors.length > 0 && names) parts.push(t('card.changedBy', { names: editors.map(nameOf).join(', ') }));
  const suggestions = Object.keys(card.suggestions ?? {}).length;
  if (suggestions > 0) parts.push(t('card.suggestions', { count: suggestions }));
  return parts.join('  ·  ');
}

/** Who agrees or who disagrees with a card, by name (the words behind its badge, on tap or hover). */
export function badgeNames(
  card: Pick<CardState, 'marks'>,
  kind: 'agree' | 'dispute',
  names?: CardNames,
): string {
  const who = Object.entries(card.marks)
    .filter(([, mark]) => mark === kind)
    .map(([id]) => names?.[id]?.displayName || t('notes.someone'))
    .sort((a, b) => a.localeCompare(b));
  return kind === 'agree'
    ? t('card.agreeBy', { names: who.join(', ') })
    : t('card.disputeBy', { names: who.join(', ') });
}
