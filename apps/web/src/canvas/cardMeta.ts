import type { CardState } from '@kinmap/model';
import { t } from '../lib/messages';

/** The line under a card's text: how many agree and disagree, and the professionals-only flag. */
export function cardMetaText(card: Pick<CardState, 'marks' | 'professionalsOnly'>): string {
  const marks = Object.values(card.marks);
  const parts: string[] = [];
  const agree = marks.filter((m) => m === 'agree').length;
  const dispute = marks.filter((m) => m === 'dispute').length;
  if (agree > 0) parts.push(t('card.agree', { count: agree }));
  if (dispute > 0) parts.push(t('card.dispute', { count: dispute }));
  if (card.professionalsOnly) parts.push(t('card.professionalsOnly'));
  return parts.join('  ·  ');
}
