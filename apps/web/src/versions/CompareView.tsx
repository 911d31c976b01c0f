import { type BoardState, diffBoards, type MeetingRecord, type VersionMeta } from '@kinmap/model';
import type Konva from 'konva';
import { type RefObject, useId, useMemo } from 'react';
import { mergeBoards } from '../board/bothDocuments';
import type { BoardLayout } from '../canvas/boardLayout';
import { currentLanguage, t } from '../lib/messages';
import { cardsToBringBack, compareBoard, highlightsOf, type Moment, restoreSource } from './compare';
import { type BringBack, DiffList } from './DiffList';
import { versionDate } from './labels';
import { RestoreBoardButton, RestoreOutcome } from './RestoreBoard';
import { useRestore } from './useRestore';
import { type LoadedVersion, useVersionContents } from './useVersionsData';
import { VersionCanvas } from './VersionCanvas';

export interface CompareViewProps {
  readonly boardId: string;
  /** The live board as this professional sees it: "Now". */
  readonly live: BoardState;
  readonly versions: readonly VersionMeta[];
  readonly meetings: ReadonlyMap<string, MeetingRecord>;
  readonly before: Moment;
  readonly after: Moment;
  readonly onPick: (before: Moment, after: Moment) => void;
  readonly isFacilitator: boolean;
  readonly stageRef: RefObject<Konva.Stage | null>;
  readonly onLayout: (layout: BoardLayout | null) => void;
  readonly onBack: () => void;
}

/** A side's board once it is there: the live one, or a version's two documents merged. */
function boardOf(live: BoardState, loaded: LoadedVersion | null): BoardState | 'loading' | 'failed' {
  if (loaded === null) return live;
  if (loaded.state !== 'ready') return loaded.state;
  return mergeBoards(loaded.opened.shared, loaded.opened.restricted);
}

/**
 * Two moments of the board side by side: any version or "now" on each side, the differences
 * as a readable list, and the later board on the canvas with the differences marked.
 */
export function CompareView(props: CompareViewProps) {
  const { boardId, live, versions, meetings, before, after, isFacilitator } = props;
  const id = useId();
  const load = useVersionContents(boardId, [before, after]);
  // A version's loaded content is one object for as long as the view is open: memos hold.
  const beforeLoaded = before === null ? null : load(before);
  const afterLoaded = after === null ? null : load(after);
  const beforeBoard = useMemo(() => boardOf(live, beforeLoaded), [live, beforeLoaded]);
  const afterBoard = useMemo(() => boardOf(live, afterLoaded), [live, afterLoaded]);
  const compared = useMemo(() => {
    if (typeof beforeBoard === 'string' || typeof afterBoard === 'string') return null;
    const diff = diffBoards(beforeBoard, afterBoard);
    return {
      before: beforeBoard,
      after: afterBoard,
      diff,
      canvas: compareBoard(afterBoard, diff),
      highlights: highlightsOf(diff),
    };
  }, [beforeBoard, afterBoard]);
  const diff = compared?.diff ?? null;
  const restore = useRestore(boardId);
  const source = restoreSource(before, after);
  const sourceVersion = source ? versions.find((v) => v.id === source.versionId) : undefined;
  const bringBack: BringBack | null =
    diff && source && sourceVersion
      ? {
          versionNumber: sourceVersion.number,
          cardIds: cardsToBringBack(diff, source.side),
          busy: restore.busy,
          onBringBack: (cardId) => void restore.restoreCard(sourceVersion.id, sourceVersion.number, cardId),
        }
      : null;
  const locale = currentLanguage();
  const momentLabel = (moment: Moment) => {
    const version = versions.find((v) => v.id === moment);
    if (!version) return t('versions.compare.now');
    return t('versions.compare.version', {
      number: version.number,
      date: versionDate(version, meetings, locale),
    });
  };
  const picker = (which: 'before' | 'after') => (
    <>
      <label htmlFor={`${id}-${which}`}>{t(`versions.compare.${which}`)}</label>
      <select
        id={`${id}-${which}`}
        value={(which === 'before' ? before : after) ?? ''}
        onChange={(e) => {
          const picked = e.target.value === '' ? null : e.target.value;
          if (which === 'before') props.onPick(picked, after);
          else props.onPick(before, picked);
        }}
      >
        <option value="">{momentLabel(null)}</option>
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {momentLabel(version.id)}
          </option>
        ))}
      </select>
    </>
  );

  return (
    <main className="versions versions--compare" aria-labelledby={`${id}-title`}>
      <div className="versions-banner">
        <h2 id={`${id}-title`}>{t('versions.compare.heading')}</h2>
        <div className="versions-pickers">
          {picker('before')}
          {picker('after')}
        </div>
        <button type="button" onClick={props.onBack}>
          {t('versions.read.back')}
        </button>
        {isFacilitator && sourceVersion && <RestoreBoardButton version={sourceVersion} restore={restore} />}
      </div>
      <RestoreOutcome restore={restore} />
      {beforeBoard === 'failed' || afterBoard === 'failed' ? (
        <p role="alert">{t('versions.read.failed')}</p>
      ) : (
        !compared && <p role="status">{t('versions.compare.loading')}</p>
      )}
      {compared && (
        <div className="versions-compare">
          <section className="versions-compare__list" aria-labelledby={`${id}-list`}>
            <h3 id={`${id}-list`}>{t('versions.compare.list')}</h3>
            <DiffList
              diff={compared.diff}
              before={compared.before}
              after={compared.after}
              bringBack={bringBack}
            />
          </section>
          <div className="versions-compare__canvas">
            <p className="hint">{t('versions.compare.key')}</p>
            <VersionCanvas
              board={compared.canvas}
              highlights={compared.highlights}
              label={t('versions.compare.canvas')}
              stageRef={props.stageRef}
              onLayout={props.onLayout}
            />
          </div>
        </div>
      )}
    </main>
  );
}
