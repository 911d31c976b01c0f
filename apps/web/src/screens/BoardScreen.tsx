import { may } from '@kinmap/model';
import type Konva from 'konva';
import {
  Component,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { signOut } from '../accounts/accountApi';
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
import { loadOnDemandWords, type MessageKey, t } from '../lib/messages';
import { navigate } from '../lib/router';
import { PHONE_QUERY, useMediaQuery } from '../lib/useMediaQuery';
import { MapView } from '../map/MapView';
import { isProjectorLink } from '../map/projector';
import { isHelpKey } from '../map/shortcuts';
import { SkipToOutline } from '../outline/SkipToOutline';
import { BoardHeader } from './BoardHeader';
import { HelpSheet } from './HelpSheet';
// Every view but the map loads on demand (lazyViews.ts): a board's first load is the map only.
import {
  AuditView,
  ChildVoiceView,
  InvitePanel,
  MeetingsView,
  OutlineView,
  PlanView,
  ReportsView,
  ScalesView,
} from './lazyViews';
import { ProblemPage } from './ProblemPage';

// The wall's join code (the facilitator's answer desk, the wall's large code): its own file with its
// words, fetched only on a facilitator's or a wall's screen, with nothing shown while it arrives.
const LobbyHost = lazy(() =>
  Promise.all([import('../access/lobby/LobbyHost'), loadOnDemandWords()]).then(([m]) => ({
    default: m.LobbyHost,
  })),
);

/** If the join code's file cannot be fetched (offline), the board goes on without it. */
class WithoutOnFailure extends Component<{ readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

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
  { id: 'child', label: 'child.tab' },
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
  // A child's tool the plan asked to open in the child's voice view.
  const [childToolToOpen, setChildToolToOpen] = useState<string | null>(null);
  // What to offer, by the rules the server checks too (the policy table): staff invite people
  // ([AU7]), read the board's history ([AD3]) and its meetings and versions ([VE3]); everyone who
  // takes part reads the reports and the trajectory ([VE7]), the wall screen (viewer) none.
  const mayInvite = may(me.role, 'AU7');
  const mayReadHistory = may(me.role, 'AD3');
  const mayRunMeetings = may(me.role, 'VE3');
  const mayReadReports = may(me.role, 'VE7');
  const [inviteOpen, setInviteOpen] = useState(false);
  // The wall's join code: the facilitator shows it and answers who asks ([AU20]); a wall screen
  // (`?projector`) shows it while it is open ([AU21]).
  const answersLobby = may(me.role, 'AU20');
  const [wallScreen] = useState(() => isProjectorLink(window.location.search));
  const showsWallCode = wallScreen && may(me.role, 'AU21');
  const stageRef = useRef<Konva.Stage | null>(null);
  // The map's layout is for the test bridge only: kept in a ref, not in state. As state, every
  // keystroke's commit reported it from an effect and rendered this whole screen a second time, and
  // each such report left an update pending behind a synchronous commit: what React counts towards
  // "maximum update depth" (#185) while keys come faster than its scheduler (board/boardStore.ts).
  const layoutRef = useRef<BoardLayout | null>(null);
  const setLayout = useCallback((next: BoardLayout | null) => {
    layoutRef.current = next;
  }, []);
  const layout = useCallback(() => layoutRef.current, []);
  // Professionals also read the restricted document (professionals-only cards); nobody else has it.
  const restricted = useRestrictedBoard(boardId, me);
  const everything = useMemo(
    () => (state ? mergeBoards(state, restricted.state) : null),
    [state, restricted.state],
  );
  const board = useMemo(() => (everything ? visibleBoard(everything, me.role) : null), [everything, me.role]);
  useTestBridge({ board, layout, status, stageRef, role: me.role, participantId: me.participantId });
  const phone = useMediaQuery(PHONE_QUERY);
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuSlot, setMenuSlot] = useState<HTMLElement | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => {
    setMenuOpen(false);
    setHelpOpen(true);
  }, []);
  // Stable, so that a render of this screen for its own reasons leaves the map alone (MapView is memo).
  const openMenu = useCallback(() => setMenuOpen(true), []);
  // `?` anywhere on the board page but in a text field opens the list of shortcuts.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isHelpKey(event) || isTyping(event.target)) return;
      event.preventDefault();
      openHelp();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openHelp]);
  // Others' changes are news only once the board has loaded.
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (status === 'synced') setLive(true);
  }, [status]);
  const chrome = useMemo(
    () => ({ phone, menuSlot, openMenu, onHelp: openHelp, live }),
    [phone, menuSlot, openMenu, openHelp, live],
  );
  const views = VIEWS.filter((entry) => entry.id !== 'history' || mayReadHistory)
    .filter((entry) => entry.id !== 'reports' || mayReadReports)
    .filter((entry) => entry.id !== 'meetings' || mayRunMeetings)
    .map((entry) => ({ id: entry.id, label: t(entry.label) }));

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
        views={views}
        view={view}
        onView={(id) => setView(id as ViewId)}
        phone={phone}
        menuOpen={menuOpen}
        onMenu={setMenuOpen}
        menuSlot={setMenuSlot}
        onHelp={openHelp}
        onSignOut={() => void signOut().then(() => navigate('/', { replace: true }))}
      />
      <HelpSheet open={helpOpen} onClose={() => setHelpOpen(false)} />
      {mayInvite && inviteOpen && <InvitePanel boardId={boardId} me={me} />}
      {(answersLobby || showsWallCode) && (
        <WithoutOnFailure>
          <Suspense fallback={null}>
            <LobbyHost boardId={boardId} answer={answersLobby} wall={showsWallCode} />
          </Suspense>
        </WithoutOnFailure>
      )}
      {notice && <RejectionNotice message={notice} onDismiss={dismissNotice} />}
      <RestrictedSessionContext.Provider value={restricted.session}>
        {board && view === 'outline' && (
          <OutlineView session={session} board={board} everything={everything} me={me} />
        )}
        {board && view === 'plan' && (
          <PlanView
            boardId={boardId}
            session={session}
            board={board}
            me={me}
            onOpenChildTool={(toolId) => {
              setChildToolToOpen(toolId);
              setView('child');
            }}
          />
        )}
        {board && view === 'child' && (
          <ChildVoiceView
            boardId={boardId}
            board={board}
            session={session}
            me={me}
            openFirst={childToolToOpen}
            onOpened={() => setChildToolToOpen(null)}
          />
        )}
        {view === 'history' && mayReadHistory && <AuditView boardId={boardId} />}
        {board && view === 'meetings' && mayRunMeetings && (
          <MeetingsView
            boardId={boardId}
            board={board}
            me={me}
            stageRef={stageRef}
            onLayout={setLayout}
            onLock={session ? () => lockBoard(session, true) : null}
            present={peopleOnline({ ...me, color: '', cursor: null }, peers).map((p) => p.participantId)}
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
            chrome={chrome}
          />
        )}
      </RestrictedSessionContext.Provider>
    </div>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'button') ||
    target.isContentEditable
  );
}
