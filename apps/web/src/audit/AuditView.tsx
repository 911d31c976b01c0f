import { useCallback, useEffect, useState } from 'react';
import { currentLanguage, t } from '../lib/messages';
import { exportUrl, fetchHistoryPage, type HistoryEntry } from './auditApi';

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

/**
 * The board's history for staff (SPEC AD3): who did what and when, oldest first, built by the
 * server from the stored updates and events. Card text is never part of it.
 */
export function AuditView({ boardId }: AuditViewProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const format = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' });

  const load = useCallback(
    async (after: string | null, before: readonly HistoryEntry[]) => {
      setBusy(true);
      const page = await fetchHistoryPage(boardId, after);
      setBusy(false);
      if (!page.ok) {
        setLoaded({ state: 'failed' });
        return;
      }
      setLoaded({ state: 'ready', entries: [...before, ...page.value.entries], next: page.value.next });
    },
    [boardId],
  );
  useEffect(() => {
    void load(null, []);
  }, [load]);

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
        {loaded.state === 'loading' && <p role="status">{t('history.loading')}</p>}
        {loaded.state === 'failed' && <p role="alert">{t('history.failed')}</p>}
        {loaded.state === 'ready' &&
          (loaded.entries.length === 0 ? (
            <p>{t('history.empty')}</p>
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
            <button type="button" disabled={busy} onClick={() => void load(loaded.next, loaded.entries)}>
              {t('history.more')}
            </button>
          )}{' '}
          <button type="button" disabled={busy} onClick={() => void load(null, [])}>
            {t('history.refresh')}
          </button>
        </p>
      </section>
    </div>
  );
}
