import { type ChangeEvent, useCallback, useEffect, useState } from 'react';
import { currentLanguage, t } from '../lib/messages';
import {
  exportUrl,
  fetchHistoryPage,
  HISTORY_KINDS,
  type HistoryEntry,
  type HistoryFilter,
  type HistoryPerson,
  isHistoryKind,
  NO_FILTER,
} from './auditApi';

export interface AuditViewProps {
  readonly boardId: string;
}

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed' }
  | { readonly state: 'ready'; readonly entries: readonly HistoryEntry[]; readonly next: string | null };

function who(entry: HistoryEntry): string {
  if (!entry.actor) return t('history.byKinmap');
  const name = entry.actor.name ?? t('history.someone');
  return entry.actor.role ? t('history.who', { name, role: t(`role.${entry.actor.role}`) }) : name;
}

function personLabel(person: HistoryPerson): string {
  const name = person.name.trim() || t('history.someone');
  return person.role ? t('history.who', { name, role: t(`role.${person.role}`) }) : name;
}

const isFiltered = (filter: HistoryFilter): boolean =>
  filter.member !== null || filter.kind !== null || filter.from !== null || filter.to !== null;

/**
 * The board's history for staff (SPEC AD3): who did what and when, oldest first, built by the
 * server from the stored updates and events. Card text is never part of it. Filters by person,
 * kind and days ask the server again (the page and "Show more" stay within the filter).
 */
export function AuditView({ boardId }: AuditViewProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<HistoryFilter>(NO_FILTER);
  const [people, setPeople] = useState<readonly HistoryPerson[]>([]);
  const format = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' });

  const load = useCallback(
    async (after: string | null, before: readonly HistoryEntry[], shown: HistoryFilter) => {
      setBusy(true);
      const page = await fetchHistoryPage(boardId, after, undefined, undefined, shown);
      setBusy(false);
      if (!page.ok) {
        setLoaded({ state: 'failed' });
        return;
      }
      if (page.value.people.length > 0) setPeople(page.value.people);
      setLoaded({ state: 'ready', entries: [...before, ...page.value.entries], next: page.value.next });
    },
    [boardId],
  );
  useEffect(() => {
    void load(null, [], filter);
  }, [load, filter]);

  const change =
    (field: keyof HistoryFilter) => (event: ChangeEvent<HTMLSelectElement | HTMLInputElement>) => {
      const value = event.target.value;
      if (field === 'kind') {
        setFilter((now) => ({ ...now, kind: isHistoryKind(value) ? value : null }));
        return;
      }
      setFilter((now) => ({ ...now, [field]: value === '' ? null : value }));
    };

  return (
    <div className="plan-scroll">
      <section className="plan history" aria-labelledby="history-title">
        <h2 id="history-title">{t('history.title')}</h2>
        <p className="hint">{t('history.intro')}</p>
        <p className="history__downloads">
          <a href={exportUrl(boardId, 'csv')} download>
            {t('history.downloadCsv')}
          </a>{' '}
          <a href={exportUrl(boardId, 'json')} download>
            {t('history.downloadJson')}
          </a>
        </p>
        <fieldset className="history__filters">
          <legend>{t('history.filters')}</legend>
          <label>
            {t('history.filterPerson')}
            <select value={filter.member ?? ''} onChange={change('member')}>
              <option value="">{t('history.everyone')}</option>
              {people.map((person) => (
                <option key={person.memberId} value={person.memberId}>
                  {personLabel(person)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('history.filterKind')}
            <select value={filter.kind ?? ''} onChange={change('kind')}>
              <option value="">{t('history.everything')}</option>
              {HISTORY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`history.kind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('history.filterFrom')}
            <input
              type="date"
              value={filter.from ?? ''}
              max={filter.to ?? undefined}
              onChange={change('from')}
            />
          </label>
          <label>
            {t('history.filterTo')}
            <input
              type="date"
              value={filter.to ?? ''}
              min={filter.from ?? undefined}
              onChange={change('to')}
            />
          </label>
          <button type="button" disabled={!isFiltered(filter)} onClick={() => setFilter(NO_FILTER)}>
            {t('history.clearFilters')}
          </button>
        </fieldset>
        {loaded.state === 'loading' && <p role="status">{t('history.loading')}</p>}
        {loaded.state === 'failed' && <p role="alert">{t('history.failed')}</p>}
        {loaded.state === 'ready' &&
          (loaded.entries.length === 0 ? (
            <p role="status">{isFiltered(filter) ? t('history.noneMatch') : t('history.empty')}</p>
          ) : (
            <ol className="history__list" aria-labelledby="history-title">
              {loaded.entries.map((entry) => (
                <li key={entry.cursor} className="history__entry">
                  <time dateTime={new Date(entry.at).toISOString()}>{format.format(entry.at)}</time>{' '}
                  <span className="history__who">{who(entry)}</span> <span>{entry.summary}</span>
                </li>
              ))}
            </ol>
          ))}
        <p>
          {loaded.state === 'ready' && loaded.next && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void load(loaded.next, loaded.entries, filter)}
            >
              {t('history.more')}
            </button>
          )}{' '}
          <button type="button" disabled={busy} onClick={() => void load(null, [], filter)}>
            {t('history.refresh')}
          </button>
        </p>
      </section>
    </div>
  );
}
