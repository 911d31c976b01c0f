import {
  type BoardState,
  type MeetingRecord,
  may,
  REVIEW_WITHIN_MONTHS,
  reviewTimetable,
  type VersionMeta,
} from '@kinmap/model';
import type Konva from 'konva';
import { type RefObject, useMemo, useState } from 'react';
import type { Me } from '../board/useBoard';
import type { BoardLayout } from '../canvas/boardLayout';
import { currentLanguage, t } from '../lib/messages';
import { CompareView } from './CompareView';
import type { Moment } from './compare';
import { formatMeetingDate } from './labels';
import { MeetingPanel } from './MeetingPanel';
import { useVersionsData } from './useVersionsData';
import { SaveVersionForm, VersionList } from './VersionList';
import { VersionReader } from './VersionReader';
import './versions.css';

export interface MeetingsViewProps {
  readonly boardId: string;
  /** The live board as this professional sees it. */
  readonly board: BoardState;
  readonly me: Me;
  /** The canvas a version is drawn on: the same stage the test bridge reads. */
  readonly stageRef: RefObject<Konva.Stage | null>;
  readonly onLayout: (layout: BoardLayout | null) => void;
  /** [AC10] Locks the board (closing a meeting offers it to the facilitator); null while offline. */
  readonly onLock?: (() => void) | null;
  /** Participant ids of the people on the board now (attendance is pre-ticked from them). */
  readonly present?: readonly string[];
}

type Screen =
  | { readonly kind: 'home' }
  | { readonly kind: 'read'; readonly versionId: string }
  | { readonly kind: 'compare'; readonly before: Moment; readonly after: Moment };

/**
 * The staff's view of the board's life (docs/SPEC.md "Versions"): the meeting, saving versions,
 * the list of versions, reading one, comparing two and bringing things back.
 */
export function MeetingsView({
  boardId,
  board,
  me,
  stageRef,
  onLayout,
  onLock = null,
  present = [],
}: MeetingsViewProps) {
  const { data, reload } = useVersionsData(boardId);
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [saved, setSaved] = useState<{ key: 'closed' | 'saved'; version: VersionMeta } | null>(null);
  const meetings = useMemo(
    () => new Map(data.state === 'ready' ? data.meetings.map((m) => [m.id, m]) : []),
    [data],
  );
  const home = () => setScreen({ kind: 'home' });

  if (data.state !== 'ready') {
    return (
      <main className="versions plan-scroll" aria-labelledby="versions-title">
        <div className="plan">
          <h2 id="versions-title">{t('versions.title')}</h2>
          {data.state === 'loading' ? (
            <p role="status">{t('versions.loading')}</p>
          ) : (
            <>
              <p role="alert">{t('versions.failed')}</p>
              <button type="button" onClick={() => void reload()}>
                {t('versions.retry')}
              </button>
            </>
          )}
        </div>
      </main>
    );
  }
  const readVersion =
    screen.kind === 'read' ? data.versions.find((v) => v.id === screen.versionId) : undefined;
  if (readVersion) {
    return (
      <VersionReader
        boardId={boardId}
        version={readVersion}
        meetings={meetings}
        me={me}
        stageRef={stageRef}
        onLayout={onLayout}
        onBack={home}
        onCompare={() => setScreen({ kind: 'compare', before: readVersion.id, after: null })}
      />
    );
  }
  if (screen.kind === 'compare') {
    return (
      <CompareView
        boardId={boardId}
        live={board}
        versions={data.versions}
        meetings={meetings}
        before={screen.before}
        after={screen.after}
        onPick={(before, after) => setScreen({ kind: 'compare', before, after })}
        isFacilitator={may(me.role, 'VE6')}
        stageRef={stageRef}
        onLayout={onLayout}
        onBack={home}
      />
    );
  }

  const open = data.meetings.find((m) => m.closedAt === null) ?? null;
  const onSaved = (version: VersionMeta) => {
    setSaved({ key: 'saved', version });
    void reload();
  };
  return (
    <main className="versions plan-scroll" aria-labelledby="versions-title">
      <div className="plan">
        <h2 id="versions-title">{t('versions.title')}</h2>
        <p className="hint">{t('versions.intro')}</p>
        <NextReview meetings={data.meetings} />
        <div role="status" className="versions-saved">
          {saved && (
            <p>
              {t(saved.key === 'closed' ? 'versions.meeting.closed' : 'versions.save.saved', {
                number: saved.version.number,
              })}{' '}
              <button type="button" onClick={() => setScreen({ kind: 'read', versionId: saved.version.id })}>
                {t('versions.list.open', { number: saved.version.number })}
              </button>
            </p>
          )}
          {saved?.key === 'closed' && onLock && may(me.role, 'AC10') && board.meta.locked !== true && (
            <p>
              {t('versions.meeting.offerLock')}{' '}
              <button type="button" onClick={onLock}>
                {t('lock.lock')}
              </button>
            </p>
          )}
          {saved?.key === 'closed' && board.meta.locked === true && <p>{t('versions.meeting.locked')}</p>}
        </div>
        <MeetingPanel
          boardId={boardId}
          board={board}
          open={open}
          isFacilitator={may(me.role, 'VE4')}
          present={present}
          onChanged={reload}
          onClosed={(version) => setSaved({ key: 'closed', version })}
        />
        <SaveVersionForm boardId={boardId} onSaved={onSaved} />
        <VersionList
          versions={data.versions}
          meetings={meetings}
          onOpen={(versionId) => setScreen({ kind: 'read', versionId })}
          onCompare={(versionId) => setScreen({ kind: 'compare', before: versionId, after: null })}
        />
      </div>
    </main>
  );
}

/** When the next review conference is due, from the conferences held (issue 15); nothing before one. */
function NextReview({ meetings }: { readonly meetings: readonly MeetingRecord[] }) {
  const held = meetings.map((m) => ({ type: m.type, date: m.date, closed: m.closedAt !== null }));
  const next = reviewTimetable(held, new Date().toISOString().slice(0, 10));
  if (next === null) return null;
  return (
    <p className={`board-review${next.overdue ? ' board-review--overdue' : ''}`}>
      {t(next.overdue ? 'versions.review.overdue' : 'versions.review.due', {
        date: formatMeetingDate(next.dueBy, currentLanguage()),
        after: formatMeetingDate(next.after.date, currentLanguage()),
        months: REVIEW_WITHIN_MONTHS[next.after.type],
      })}
    </p>
  );
}
