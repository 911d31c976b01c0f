import type { BoardState } from '@kinmap/model';
import { ownValue } from '@kinmap/model';
import { t } from '../../lib/messages';
import type { CardWatcher } from './presence';

export interface PeerActivityListProps {
  readonly board: BoardState;
  readonly watchers: ReadonlyMap<string, readonly CardWatcher[]>;
}

const CARD_WORDS = 60;

/**
 * The outlines drawn on the canvas, in words for screen readers: who is typing in or has
 * chosen which card. Only cards this person may see are named.
 */
export function PeerActivityList({ board, watchers }: PeerActivityListProps) {
  const rows: { key: string; text: string }[] = [];
  for (const [cardId, people] of watchers) {
    const card = ownValue(board.cards, cardId);
    if (!card) continue;
    const words = card.text.length > CARD_WORDS ? `${card.text.slice(0, CARD_WORDS)}…` : card.text;
    for (const person of people) {
      const key = person.editing ? 'map.activityEditing' : 'map.activitySelected';
      rows.push({ key: `${cardId}-${person.clientId}`, text: t(key, { name: person.name, card: words }) });
    }
  }
  return (
    <section className="visually-hidden" aria-label={t('map.activityList')}>
      <ul>
        {rows.map((row) => (
          <li key={row.key}>{row.text}</li>
        ))}
      </ul>
    </section>
  );
}
