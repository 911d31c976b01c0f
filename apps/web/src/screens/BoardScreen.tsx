import { may } from '@kinmap/model';
import type Konva from 'konva';
import { useMemo, useRef, useState } from 'react';
import { mergeBoards } from '../board/bothDocuments';
import { peopleOnline } from '../board/presence/presence';
import { RestrictedSessionContext } from '../board/professionalsOnlyContext';
import { RejectionNotice } from '../board/RejectionNotice';
import { type Me, useBoard } from '../board/useBoard';
import { useRestrictedBoard } from '../board/useProfessionalsOnly';
import { useTestBridge } from '../board/useTestBridge';
import { visibleBoard } from '../board/visibility';
import type { BoardLayout } from '../canvas/boardLayout';
import { lockBoard } from '../editing/boardActions';
import { type MessageKey, t } from '../lib/messages';
import { MapView } from '../map/MapView';
import { SkipToOutline } from '../outline/SkipToOutline';
import { BoardHeader } from './BoardHeader';
// Every view but the map loads on demand (lazyViews.ts): a board's first load is the map only.
import {
  AuditView,
  InvitePanel,
  MeetingsView,
  OutlineView,
  PlanView,
  ReportsView,
  ScalesView,
} from './lazyViews';
import { ProblemPage } from './ProblemPage';

export interface BoardScreenProps {
  readonly boardId: string;
  readonly title: string;
  readonly me: Me;
}

/** The views of one board, all live on the same document. Each is one entry here. */
const VIEWS = [
  { id: 'map', label: 'view.map' },
  { id: 'scales', label: 'view.scales' },
  { id: 'plan', label: 'plan.tab' },
  { id: 'outline', label: 'outline.view' },
  { id: 'history', label: 'history.tab' },
  { id: 'meetings', label: 'versions.tab' },
  { id: 'reports', label: 'reports.tab' },
] as const satisfies ReadonlyArray<{
  id: string;
  label: MessageKey;
}>;
type ViewId = (typeof VIEWS)[number]['id'];

/** The board page once joined: header, invitations, the choice of view, and the view. */
export function BoardScreen({ boardId, title, me }: BoardScreenProps) {
  const { session, state, status, peers, setCursor, notice, dismissNotice, unsaved, ending } = useBoard(
    boardId,
    me,
  );
  const [view, setView] = useState<ViewId>('map');
  // What to offer, by the rules the server checks too (the policy table): staff invite people
  // ([AU7]), read the board's history ([AD3]) and its meetings and versions ([VE3]); everyone who
  // takes part reads the reports and the trajectory ([VE7]), the wall screen (viewer) none.
  const mayInvite = may(me.role, 'AU7');
  const mayReadHistory = may(me.role, 'AD3');
  const mayRunMeetings = may(me.role, 'VE3');
  const mayReadReports = may(me.role, 'VE7');
  const [inviteOpen, setInviteOpen] = useState(false);
  const stageRef = useRef<Konva.Stage | null>(null);
  const [layout, setLayout] = useState<BoardLayout | null>(null);
  // Professionals also read the restricted document (professionals-only cards); nobody else has it.
  const restricted = useRestrictedBoard(boardId, me);
  const everything = useMemo(
    () => (state ? mergeBoards(state, restricted.state) : null),
    [state, restricted.state],
  );
  const board = useMemo(() => (everything ? visibleBoard(everything, me.role) : null), [everything, me.role]);
  useTestBridge({ board, layout, status, stageRef, role: me.role, participantId: me.participantId });

  if (status === 'ended') return <ProblemPage message={ending ?? 'access.ended'} />;
  return (
    <div className="board-page">
      <SkipToOutline onSkip={() => setView('outline')} />
      <BoardHeader
        title={board?.meta.title || title}
        status={status}
        unsaved={unsaved + restricted.unsaved}
        people={peopleOnline({ ...me, color: '', cursor: null }, peers)}
        myParticipantId={me.participantId}
        {...(mayInvite ? { invite: { open: inviteOpen, toggle: () => setInviteOpen((open) => !open) } } : {})}
      />
      {mayInvite && inviteOpen && <InvitePanel boardId={boardId} me={me} />}
      {notice && <RejectionNotice message={notice} onDismiss={dismissNotice} />}
      {VIEWS.length > 1 && (
        <nav className="view-tabs" aria-label={t('view.choose')}>
          {VIEWS.filter((entry) => entry.id !== 'history' || mayReadHistory)
            .filter((entry) => entry.id !== 'reports' || mayReadReports)
            .filter((entry) => entry.id !== 'meetings' || mayRunMeetings)
            .map((entry) => (
              <button
                key={entry.id}
                type="button"
                className="view-tab"
                aria-current={view === entry.id ? 'page' : undefined}
                onClick={() => setView(entry.id)}
              >
                {t(entry.label)}
              </button>
            ))}
        </nav>
      )}
      <RestrictedSessionContext.Provider value={restricted.session}>
        {board && view === 'outline' && (
          <OutlineView session={session} board={board} everything={everything} me={me} />
        )}
        {board && view === 'plan' && <PlanView session={session} board={board} me={me} />}
        {view === 'history' && mayReadHistory && <AuditView boardId={boardId} />}
        {board && view === 'meetings' && mayRunMeetings && (
          <MeetingsView
            boardId={boardId}
            board={board}
            me={me}
            stageRef={stageRef}
            onLayout={setLayout}
            onLock={session ? () => lockBoard(session, true) : null}
          />
        )}
        {board && view === 'reports' && mayReadReports && (
          <ReportsView boardId={boardId} board={board} me={me} />
        )}
        {board && view === 'scales' && (
          <ScalesView session={session} board={board} me={me} boardId={boardId} />
        )}
        {board && view === 'map' && (
          <MapView
            session={session}
            board={board}
            me={me}
            peers={peers}
            setCursor={setCursor}
            stageRef={stageRef}
            onLayout={setLayout}
          />
        )}
      </RestrictedSessionContext.Provider>
    </div>
  );
}
