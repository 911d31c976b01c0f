import { type BoardState, type MeetingRecord, may, ownValue, type VersionMeta } from '@kinmap/model';
import type Konva from 'konva';
import { type RefObject, useId, useMemo, useState } from 'react';
import { mergeBoards } from '../board/bothDocuments';
import type { Me } from '../board/useBoard';
import type { BoardLayout } from '../canvas/boardLayout';
import { currentLanguage, t } from '../lib/messages';
import { OutlineView } from '../outline/OutlineView';
import { KeptTools } from './KeptTools';
import { versionDate } from './labels';
import { RestoreBoardButton, RestoreOutcome } from './RestoreBoard';
import { useKeptTools } from './useKeptTools';
import { useRestore } from './useRestore';
import { useVersionContents } from './useVersionsData';
import { VersionCanvas } from './VersionCanvas';

const WAY_WORDS = {
  map: 'versions.read.showMap',
  outline: 'versions.read.showOutline',
  tools: 'versions.read.showTools',
} as const;

export interface VersionReaderProps {
  readonly boardId: string;
  readonly version: VersionMeta;
  readonly meetings: ReadonlyMap<string, MeetingRecord>;
  readonly me: Me;
  readonly stageRef: RefObject<Konva.Stage | null>;
  readonly onLayout: (layout: BoardLayout | null) => void;
  readonly onBack: () => void;
  readonly onCompare: () => void;
}

/**
 * One saved version, read-only, on the same canvas as the live map or as the outline; with the
 * meeting's decision, and (for the facilitator) the way to make the live board this version again.
 */
export function VersionReader(props: VersionReaderProps) {
  const { boardId, version, meetings, me } = props;
  const id = useId();
  const [how, setHow] = useState<'map' | 'outline' | 'tools'>('map');
  const kept = useKeptTools(boardId, version.id);
  const keptTools = kept.data.state === 'ready' ? kept.data.tools : [];
  // The child's tools are a third way to read the version, when it kept any ([CT7]).
  const ways = keptTools.length > 0 ? (['map', 'outline', 'tools'] as const) : (['map', 'outline'] as const);
  const loaded = useVersionContents(boardId, [version.id])(version.id);
  const board = useMemo(
    () => (loaded.state === 'ready' ? mergeBoards(loaded.opened.shared, loaded.opened.restricted) : null),
    [loaded],
  );
  const restore = useRestore(boardId);
  const meeting = loaded.state === 'ready' ? loaded.opened.meeting : null;
  // [VE6] The whole board is restored by the facilitator only.
  const isFacilitator = may(me.role, 'VE6');

  return (
    <>
      <section className="versions-banner" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>
          {t('versions.read.banner', {
            number: version.number,
            date: versionDate(version, meetings, currentLanguage()),
          })}
        </h2>
        <button type="button" onClick={props.onBack}>
          {t('versions.read.back')}
        </button>
        <fieldset className="versions-toggle">
          <legend className="visually-hidden">{t('versions.read.how')}</legend>
          {ways.map((option) => (
            <button key={option} type="button" aria-pressed={how === option} onClick={() => setHow(option)}>
              {t(WAY_WORDS[option])}
            </button>
          ))}
        </fieldset>
        <button type="button" onClick={props.onCompare}>
          {t('versions.read.compare')}
        </button>
        {isFacilitator && <RestoreBoardButton version={version} restore={restore} />}
        <RestoreOutcome restore={restore} />
        {meeting && board && <MeetingSummary meeting={meeting} board={board} />}
      </section>
      {loaded.state === 'loading' && <p role="status">{t('versions.read.loading')}</p>}
      {loaded.state === 'failed' && <p role="alert">{t('versions.read.failed')}</p>}
      {board && how === 'map' && (
        <main className="versions versions--read" aria-labelledby={`${id}-title`}>
          <VersionCanvas
            board={board}
            label={t('versions.read.canvas', { number: version.number })}
            stageRef={props.stageRef}
            onLayout={props.onLayout}
          />
        </main>
      )}
      {board && how === 'outline' && (
        // A version's outline has no controls: this wrapper scrolls it and takes the keyboard.
        // biome-ignore lint/a11y/useSemanticElements: a named group around the outline, not a form's fieldset
        <div
          className="versions-outline"
          role="group"
          aria-label={t('versions.read.outline', { number: version.number })}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling area must be reachable by keyboard
          tabIndex={0}
        >
          <OutlineView session={null} board={board} everything={board} me={me} />
        </div>
      )}
      {board && how === 'tools' && (
        <div className="versions-outline">
          <KeptTools
            boardId={boardId}
            version={version}
            tools={keptTools}
            board={board}
            me={me}
            onRestored={() => void kept.reload()}
          />
        </div>
      )}
      {kept.data.state === 'failed' && <p role="alert">{t('versions.tools.loadFailed')}</p>}
    </>
  );
}

function MeetingSummary({ meeting, board }: { meeting: MeetingRecord; board: BoardState }) {
  const onBoard = meeting.attendance.participantIds.flatMap((pid) => {
    const person = ownValue(board.participants, pid);
    return person ? [`${person.displayName} (${t(`role.${person.role}`)})`] : [];
  });
  const inRoom = meeting.attendance.othersPresent.map((p) => (p.role ? `${p.name} (${p.role})` : p.name));
  const others = [...onBoard, ...inRoom];
  return (
    <dl className="versions-meeting-summary">
      {meeting.decision && (
        <div>
          <dt>{t('versions.read.meeting')}</dt>
          <dd>{meeting.decision}</dd>
        </div>
      )}
      {others.length > 0 && (
        <div>
          <dt>{t('versions.read.attended')}</dt>
          <dd>{others.join(', ')}</dd>
        </div>
      )}
      {meeting.attendance.apologies.length > 0 && (
        <div>
          <dt>{t('versions.read.apologies')}</dt>
          <dd>{meeting.attendance.apologies.join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}
