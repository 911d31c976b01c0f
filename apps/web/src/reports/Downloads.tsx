import { type BoardState, may, type PolicyRuleId, type Role, type VersionMeta } from '@kinmap/model';
import type Konva from 'konva';
import { useEffect, useState } from 'react';
import { visibleBoard } from '../board/visibility';
import type { BoardLayout } from '../canvas/boardLayout';
import { currentLanguage, type MessageKey, t } from '../lib/messages';
import { BoardPicture, boardPng } from './BoardPicture';
import { fetchFile, saveFile } from './download';
import { type PictureBanner, pictureBanner, pictureBoard, pictureFileName } from './pictureContent';
import { downloadUrl, fetchVersionBoard, fetchVersions, type ServerDownload } from './reportsApi';

export interface DownloadsProps {
  readonly boardId: string;
  /** The live board as this person sees it (the picture of "now" is drawn from it). */
  readonly board: BoardState;
  readonly role: Role;
}

type Job = ServerDownload | 'png';

const JOBS: readonly { readonly job: Job; readonly label: MessageKey; readonly hint: MessageKey }[] = [
  { job: 'family', label: 'reports.downloads.family', hint: 'reports.downloads.familyHint' },
  { job: 'record', label: 'reports.downloads.record', hint: 'reports.downloads.recordHint' },
  { job: 'json', label: 'reports.downloads.json', hint: 'reports.downloads.jsonHint' },
  { job: 'png', label: 'reports.downloads.png', hint: 'reports.downloads.pngHint' },
];

/**
 * The rule each server download is offered by (the server checks the same): the record and the
 * data hold everything, professionals-only cards too ([VE9], [VE10]). The picture is drawn here.
 */
const JOB_RULES: Readonly<Record<ServerDownload, PolicyRuleId>> = {
  family: 'VE8',
  record: 'VE9',
  json: 'VE10',
};
const mayRun = (role: Role, job: Job): boolean => job === 'png' || may(role, JOB_RULES[job]);

type Status =
  | { readonly state: 'idle' }
  | {
      readonly state: 'working' | 'done' | 'failed' | 'forbidden';
      readonly job: Job;
      readonly limited?: boolean;
    };

function statusText(status: Status): string {
  if (status.state === 'idle') return '';
  const what = t(JOBS.find((j) => j.job === status.job)?.label ?? 'reports.downloads.png');
  const text = t(`reports.downloads.${status.state}`, { what });
  return status.limited ? `${text} ${t('reports.downloads.pictureTooBig')}` : text;
}

function versionName(version: VersionMeta): string {
  const date = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium' }).format(version.createdAt);
  return version.label.trim() === ''
    ? t('reports.downloads.versionUnlabelled', { number: version.number, date })
    : t('reports.downloads.version', { number: version.number, label: version.label, date });
}

/** The versions a staff member can choose from (the route is theirs only); others have "now". */
function useVersions(boardId: string, staff: boolean): { versions: readonly VersionMeta[]; failed: boolean } {
  const [loaded, setLoaded] = useState<{ versions: readonly VersionMeta[]; failed: boolean }>({
    versions: [],
    failed: false,
  });
  useEffect(() => {
    if (!staff) return;
    let cancelled = false;
    void fetchVersions(boardId).then((result) => {
      if (!cancelled)
        setLoaded(result.ok ? { versions: result.value, failed: false } : { versions: [], failed: true });
    });
    return () => {
      cancelled = true;
    };
  }, [boardId, staff]);
  return loaded;
}

/**
 * The downloads: PDFs and the data made by the server from the board's data (never a picture of
 * the screen), and a picture of the whole map drawn here at print resolution.
 */
export function Downloads({ boardId, board, role }: DownloadsProps) {
  // Staff choose a saved version ([VE3]); everyone else has the board now.
  const staff = may(role, 'VE3');
  const { versions, failed: versionsFailed } = useVersions(boardId, staff);
  const [versionId, setVersionId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [picture, setPicture] = useState<{
    readonly board: BoardState;
    readonly name: string;
    readonly banner: PictureBanner | null;
  } | null>(null);
  // Staff choose whether professionals-only cards are in the picture ([PO4]); left out unless chosen.
  const seesProfessionalsOnly = may(role, 'PO4');
  const [withProfessionalsOnly, setWithProfessionalsOnly] = useState(false);
  const busy = status.state === 'working';
  const chosen = versions.find((v) => v.id === versionId) ?? null;
  const suffix = chosen ? `-v${chosen.number}` : '';

  const run = async (job: Job) => {
    setStatus({ state: 'working', job });
    if (job === 'png') {
      const draw = (source: BoardState) => {
        const drawn = pictureBoard(
          visibleBoard(source, role),
          seesProfessionalsOnly && withProfessionalsOnly,
        );
        const banner = pictureBanner(drawn, Date.now());
        setPicture({ board: drawn, banner, name: pictureFileName(boardId, suffix, banner !== null) });
      };
      if (versionId === null) {
        draw(board);
        return;
      }
      const saved = await fetchVersionBoard(boardId, versionId);
      if (!saved.ok) setStatus({ state: saved.reason === 'forbidden' ? 'forbidden' : 'failed', job });
      else draw(saved.value);
      return;
    }
    const extension = job === 'json' ? 'json' : 'pdf';
    const file = await fetchFile(
      downloadUrl(boardId, job, versionId),
      `kinmap-${boardId}${suffix}-${job}.${extension}`,
    );
    if (!file.ok) {
      setStatus({ state: file.reason === 'forbidden' ? 'forbidden' : 'failed', job });
      return;
    }
    saveFile(file.value.blob, file.value.fileName);
    setStatus({ state: 'done', job });
  };

  const pictureDrawn = async (stage: Konva.Stage, layout: BoardLayout) => {
    const name = picture?.name ?? `kinmap-${boardId}.png`;
    const png = await boardPng(stage, layout, picture?.banner ?? null);
    setPicture(null);
    if (!png) {
      setStatus({ state: 'failed', job: 'png' });
      return;
    }
    saveFile(png.blob, name);
    setStatus({ state: 'done', job: 'png', limited: png.frame.limited });
  };

  return (
    <section className="reports-section" aria-labelledby="downloads-title">
      <h3 id="downloads-title">{t('reports.downloads.title')}</h3>
      {staff && (
        <p>
          <label htmlFor="reports-version">{t('reports.downloads.which')}</label>{' '}
          <select
            id="reports-version"
            value={versionId ?? ''}
            disabled={busy}
            onChange={(e) => setVersionId(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          >
            <option value="">{t('reports.downloads.now')}</option>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {versionName(version)}
              </option>
            ))}
          </select>
        </p>
      )}
      {versionsFailed && <p className="hint">{t('reports.downloads.versionsFailed')}</p>}
      {seesProfessionalsOnly && (
        <fieldset className="reports-picture-choice" disabled={busy}>
          <legend>{t('reports.picture.which')}</legend>
          <label>
            <input
              type="radio"
              name="picture-professionals-only"
              checked={!withProfessionalsOnly}
              onChange={() => setWithProfessionalsOnly(false)}
            />{' '}
            {t('reports.picture.without')}
          </label>
          <label>
            <input
              type="radio"
              name="picture-professionals-only"
              checked={withProfessionalsOnly}
              onChange={() => setWithProfessionalsOnly(true)}
            />{' '}
            {t('reports.picture.with')}
          </label>
        </fieldset>
      )}
      <ul className="reports-downloads">
        {JOBS.filter(({ job }) => mayRun(role, job)).map(({ job, label, hint }) => (
          <li key={job}>
            <button
              type="button"
              disabled={busy}
              aria-describedby={`reports-hint-${job}`}
              onClick={() => void run(job)}
            >
              {t(label)}
            </button>{' '}
            <span id={`reports-hint-${job}`} className="hint">
              {t(hint)}
            </span>
          </li>
        ))}
      </ul>
      <p
        className={status.state === 'failed' || status.state === 'forbidden' ? 'error' : 'hint'}
        role="status"
        aria-live="polite"
      >
        {statusText(status)}
      </p>
      {picture && (
        <BoardPicture board={picture.board} onDrawn={(stage, layout) => void pictureDrawn(stage, layout)} />
      )}
    </section>
  );
}
