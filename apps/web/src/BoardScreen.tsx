import type Konva from 'konva';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { BoardCanvas } from './BoardCanvas';
import { BoardHeader } from './BoardHeader';
import { keyCommand } from './boardKeys';
import { CardEditor } from './CardEditor';
import { scrollToReveal } from './geometry';
import { layoutBoard, readingOrder } from './layout';
import { t } from './messages';
import { peopleOnline } from './presence';
import { SharePanel } from './SharePanel';
import { loadShareTokens, safeStore } from './session';
import { Toolbar } from './Toolbar';
import { createCanvasMeasure } from './textMeasure';
import { type Me, useBoard } from './useBoard';
import { useCardActions } from './useCardActions';
import { useElementSize } from './useElementSize';
import { useTestBridge } from './useTestBridge';
import { visibleBoard } from './visibility';

export interface BoardScreenProps {
  readonly boardId: string;
  readonly token: string;
  readonly title: string;
  readonly me: Me;
}

/** The board page once joined: header, share links, toolbar, and the canvas with its editor. */
export function BoardScreen({ boardId, token, title, me }: BoardScreenProps) {
  const { session, state, status, peers, setCursor } = useBoard(boardId, token, me);
  const canEdit = me.role !== 'viewer';
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
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const surfaceRef = useRef<HTMLDivElement | null>(null);
  const viewport = useElementSize(scrollRef);
  const measure = useMemo(() => createCanvasMeasure(), []);
  const board = useMemo(() => (state ? visibleBoard(state, me.role) : null), [state, me.role]);
  const layout = useMemo(
    () => (board && viewport ? layoutBoard(board, viewport, measure) : null),
    [board, viewport, measure],
  );
  const actions = useCardActions(session, board, canEdit);
  const { selectedId, editingId } = actions;
  useTestBridge({ board, layout, status, stageRef, role: me.role, participantId: me.participantId });

  const onSurfaceKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editingId || event.target !== event.currentTarget || !layout) return;
    const command = keyCommand(event.key, readingOrder(layout), selectedId);
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'select') {
      actions.select(command.cardId);
      const rect = layout.cards[command.cardId]?.rect;
      const scroller = scrollRef.current;
      if (rect && scroller)
        scroller.scrollTop = scrollToReveal(rect, scroller.scrollTop, scroller.clientHeight);
    } else if (command.kind === 'edit') actions.edit(command.cardId);
    else actions.remove(command.cardId);
  };

  const selectedCard = selectedId && board ? (board.cards[selectedId] ?? null) : null;
  const editingRect = editingId && layout ? layout.cards[editingId]?.rect : undefined;

  return (
    <div className="board-page">
      <BoardHeader
        title={board?.meta.title || title}
        status={status}
        people={peopleOnline({ ...me, color: '', cursor: null }, peers)}
        myParticipantId={me.participantId}
        {...(shareTokens ? { share: { open: shareOpen, toggle: () => setShareOpen((open) => !open) } } : {})}
      />
      {shareTokens && shareOpen && <SharePanel boardId={boardId} tokens={shareTokens} />}
      <Toolbar
        canEdit={canEdit}
        selected={selectedCard}
        myMark={selectedCard?.marks[me.participantId] ?? null}
        onAdd={actions.add}
        onEdit={() => selectedId && actions.edit(selectedId)}
        onDelete={() => selectedId && actions.remove(selectedId)}
        onMark={actions.mark}
      />
      <p className="notice" role="status" aria-live="polite">
        {actions.notice ? t(actions.notice) : ''}
      </p>
      <div className="board-scroll" ref={scrollRef}>
        {board && layout && (
          <div
            ref={surfaceRef}
            className="board-surface"
            role="application"
            aria-label={t('canvas.label')}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes arrow keys, Enter and Delete, so it must take focus
            tabIndex={0}
            style={{ width: layout.width, height: layout.height }}
            onKeyDown={onSurfaceKey}
            onPointerDown={(e) => {
              // A click on the canvas gives the board the keyboard (Delete, arrows), never the editor's textarea.
              if (e.target instanceof HTMLCanvasElement) surfaceRef.current?.focus({ preventScroll: true });
            }}
          >
            <BoardCanvas
              state={board}
              layout={layout}
              canEdit={canEdit}
              selectedId={selectedId}
              editingId={editingId}
              peers={peers}
              stageRef={stageRef}
              onSelect={actions.select}
              onEdit={actions.edit}
              onAdd={actions.add}
              onMove={actions.move}
              onCursor={setCursor}
            />
            {session && editingId && editingRect && (
              <CardEditor
                key={editingId}
                writer={session}
                cardId={editingId}
                rect={editingRect}
                onClose={(how) => {
                  actions.closeEditor();
                  if (how === 'keyboard') surfaceRef.current?.focus();
                }}
                onNotice={actions.showNotice}
              />
            )}
          </div>
        )}
      </div>
    </div>
  );
}
