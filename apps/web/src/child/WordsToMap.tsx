import {
  addCard,
  CATEGORIES,
  type CardQuote,
  type Category,
  type PersonId,
  QUOTE_AREAS,
  type QuoteArea,
} from '@kinmap/model';
import { useId, useState } from 'react';
import type { BoardSession } from '../board/useBoard';
import { t } from '../lib/messages';

export interface WordsToMapProps {
  readonly session: BoardSession;
  readonly personId: string;
  readonly toolId: string;
  readonly area: string;
  readonly childName: string;
  readonly words: string;
}

/** Where a house's words most often go on the map; the worker may choose another column. */
const SUGGESTED: Readonly<Record<string, Category>> = {
  worries: 'harm',
  good: 'existingStrength',
  dreams: 'nextStep',
  inside: 'existingSafety',
  path: 'existingSafety',
  outside: 'complicatingFactor',
  roof: 'nextStep',
};

/**
 * Staff put the child's words from a house on the map as a card quoting the child ([AC52]): the
 * card says "Jo's words, from the house of worries", with a child icon. Offered only when the child
 * has chosen to show the tool to everyone at the meeting: the map is everyone's.
 */
export function WordsToMap({ session, personId, toolId, area, childName, words }: WordsToMapProps) {
  const id = useId();
  const [category, setCategory] = useState<Category>(SUGGESTED[area] ?? 'harm');
  const [done, setDone] = useState<'ok' | 'failed' | null>(null);
  if (!(QUOTE_AREAS as readonly string[]).includes(area)) return null;
  const put = () => {
    const text = words.trim();
    if (text === '') return;
    const quote: CardQuote = { personId: personId as PersonId, toolId, area: area as QuoteArea };
    const result = addCard(session.doc, session.actor, { category, text, quote });
    setDone(result.ok ? 'ok' : 'failed');
  };
  return (
    <div className="child-to-map">
      <label htmlFor={`${id}-column`}>{t('child.toMap.column')}</label>
      <select
        id={`${id}-column`}
        value={category}
        onChange={(event) => setCategory(event.currentTarget.value as Category)}
      >
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`category.${c}`)}
          </option>
        ))}
      </select>
      <button type="button" disabled={words.trim() === ''} onClick={put}>
        {t('child.toMap.put', { child: childName })}
      </button>
      <span role="status">
        {done === 'ok'
          ? t('child.toMap.done', { child: childName })
          : done === 'failed'
            ? t('child.toMap.failed')
            : ''}
      </span>
    </div>
  );
}
