import type Konva from 'konva';
import { useMemo, useRef, useState } from 'react';
import { BoardHeader } from './BoardHeader';
import type { BoardLayout } from './layout';
import { MapView } from './MapView';
import { type MessageKey, t } from './messages';
import { OutlineView } from './outline/OutlineView';
import { SkipToOutline } from './outline/SkipToOutline';
import { PlanView } from './plan/PlanView';
import { peopleOnline } from './presence';
import { ScalesView } from './ScalesView';
import { SharePanel } from './SharePanel';
import { loadShareTokens, safeStore } from './session';
import { type Me, useBoard } from './useBoard';
import { useTestBridge } from './useTestBridge';
import { visibleBoard } from './visibility';

export interface BoardScreenProps {
  readonly boardId: string;
  readonly token: string;
  readonly title: string;
  readonly me: Me;
}

/** The views of one board, all live on the same document. Each is one entry here. */
const VIEWS = [
  { id: 'map', label: 'view.map' },
  { id: 'scales', label: 'view.scales' },
  { id: 'plan', label: 'plan.tab' },
  { id: 'outline', label: 'outline.view' },
] as const satisfies ReadonlyArray<{
  id: string;
  label: MessageKey;
}>;
type ViewId = (typeof VIEWS)[number]['id'];

/** The board page once joined: header, share links, the choice of view, and the view. */
export function BoardScreen({ boardId, token, title, me }: BoardScreenProps) {
  const { session, state, status, peers, setCursor } = useBoard(boardId, token, me);
  const [view, setView] = useState<ViewId>('map');
  const [shareOpen, setShareOpen] = useState(true);
  const shareTokens = useMemo(
    () =>
      me.role === 'facilitator'
        ? loadShareTokens(
            safeStore(() => window.sessionStorage),
            boardId,
          )
        : null,
    [me.role, boardId],
  );
  const stageRef = useRef<Konva.Stage | null>(null);
  const [layout, setLayout] = useState<BoardLayout | null>(null);
  const board = useMemo(() => (state ? visibleBoard(state, me.role) : null), [state, me.role]);
  useTestBridge({ board, layout, status, stageRef, role: me.role, participantId: me.participantId });

  return (
    <div className="board-page">
      <SkipToOutline onSkip={() => setView('outline')} />
      <BoardHeader
        title={board?.meta.title || title}
        status={status}
        people={peopleOnline({ ...me, color: '', cursor: null }, peers)}
        myParticipantId={me.participantId}
        {...(shareTokens ? { share: { open: shareOpen, toggle: () => setShareOpen((open) => !open) } } : {})}
      />
      {shareTokens && shareOpen && <SharePanel boardId={boardId} tokens={shareTokens} />}
      {VIEWS.length > 1 && (
        <nav className="view-tabs" aria-label={t('view.choose')}>
          {VIEWS.map((entry) => (
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
      {board && view === 'outline' && (
        <OutlineView session={session} board={board} everything={state} me={me} />
      )}
      {board && view === 'plan' && <PlanView session={session} board={board} me={me} />}
      {board && view === 'scales' && (
        <ScalesView session={session} board={board} me={me} boardId={boardId} token={token} />
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
    </div>
  );
}
