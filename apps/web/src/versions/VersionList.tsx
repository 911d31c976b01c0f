import type { MeetingRecord, VersionMeta } from '@kinmap/model';
import { type FormEvent, useId, useState } from 'react';
import { currentLanguage, type MessageKey, t } from '../lib/messages';
import { shortHash } from './compare';
import { formatSavedAt, versionWhat } from './labels';
import { failureMessage } from './useVersionsData';
import { saveVersion } from './versionsApi';

export interface VersionListProps {
  /** Newest first. */
  readonly versions: readonly VersionMeta[];
  readonly meetings: ReadonlyMap<string, MeetingRecord>;
  readonly onOpen: (versionId: string) => void;
  readonly onCompare: (versionId: string) => void;
}

/** The board's saved versions as a table: number, what, when, by whom, fingerprint, actions. */
export function VersionList({ versions, meetings, onOpen, onCompare }: VersionListProps) {
  const locale = currentLanguage();
  return (
    <section className="plan-section" aria-labelledby="versions-list">
      <h3 id="versions-list">{t('versions.list.heading')}</h3>
      {versions.length === 0 ? (
        <p>{t('versions.list.empty')}</p>
      ) : (
        <table className="versions-table" aria-labelledby="versions-list">
          <thead>
            <tr>
              <th scope="col">{t('versions.list.number')}</th>
              <th scope="col">{t('versions.list.what')}</th>
              <th scope="col">{t('versions.list.when')}</th>
              <th scope="col">{t('versions.list.by')}</th>
              <th scope="col">{t('versions.list.hash')}</th>
              <th scope="col">{t('versions.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id} data-version={version.number}>
                <th scope="row">{version.number}</th>
                <td className="versions-table__what">{versionWhat(version, meetings, locale)}</td>
                <td>
                  <time dateTime={new Date(version.createdAt).toISOString()}>
                    {formatSavedAt(version.createdAt, locale)}
                  </time>
                </td>
                <td>{version.createdBy.displayName}</td>
                <td>
                  <code title={t('versions.list.hashTitle')}>{shortHash(version.contentHash)}</code>
                </td>
                <td className="versions-table__actions">
                  <button type="button" onClick={() => onOpen(version.id)}>
                    {t('versions.list.open', { number: version.number })}
                  </button>
                  <button type="button" onClick={() => onCompare(version.id)}>
                    {t('versions.list.compare', { number: version.number })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The label limit (model `versionLabelSchema`). */
const MAX_LABEL_LENGTH = 200;

/** Saving a version by hand, with a label (any staff member). */
export function SaveVersionForm({
  boardId,
  onSaved,
}: {
  boardId: string;
  onSaved: (v: VersionMeta) => void;
}) {
  const id = useId();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await saveVersion(boardId, label.trim());
    setBusy(false);
    if (!result.ok) {
      setProblem(failureMessage(result));
      return;
    }
    setProblem(null);
    setLabel('');
    onSaved(result.value);
  };
  return (
    <section className="plan-section" aria-labelledby="versions-save">
      <h3 id="versions-save">{t('versions.save.heading')}</h3>
      <form className="versions-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-label`}>{t('versions.save.label')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('versions.save.hint')}
        </p>
        <input
          id={`${id}-label`}
          aria-describedby={`${id}-hint`}
          value={label}
          required
          maxLength={MAX_LABEL_LENGTH}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" disabled={busy || label.trim() === ''}>
          {t('versions.save.button')}
        </button>
        <p role="alert">{problem ? t(problem) : ''}</p>
      </form>
    </section>
  );
}
