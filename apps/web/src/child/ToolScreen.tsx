import { type BoardState, isForTheChild, may, OVERALL_SCALE_ID, type PersonState } from '@kinmap/model';
import { useCallback, useState } from 'react';
import type { BoardMember } from '../access/inviteApi';
import type { BoardSession, Me } from '../board/useBoard';
import { mayWriteBoard } from '../editing/cardPermissions';
import { type MessageKey, t } from '../lib/messages';
import type { ChildToolInfo } from './childToolApi';
import { DrawingTools } from './DrawingTools';
import { HandOverForm } from './HandOverForm';
import { PrintTool } from './PrintTool';
import type { DrawingMode } from './pens';
import { ScoreToBoard } from './ScoreToBoard';
import { ToolAreas, ToolDialog } from './ToolDialog';
import { toolName, visibilityWords } from './toolWords';
import { type ChildToolStatus, useChildTool } from './useChildTool';
import { WhoSeesForm } from './WhoSeesForm';
import { WordsPicturesPanel } from './WordsPicturesPanel';
import { WordsToMap } from './WordsToMap';

export interface ToolScreenProps {
  readonly boardId: string;
  readonly tool: ChildToolInfo;
  readonly person: PersonState;
  readonly board: BoardState;
  /** The board's own session: the worker puts the child's number on the board's scale with it. */
  readonly session: BoardSession | null;
  readonly me: Me;
  readonly members: readonly BoardMember[] | null;
  readonly membersFailed: boolean;
  readonly nameOf: (memberId: string) => string | null;
  readonly onToolChanged: (tool: ChildToolInfo) => void;
  readonly onClose: () => void;
}

const STATUS_WORDS: Readonly<Record<ChildToolStatus, MessageKey | null>> = {
  connecting: 'child.connecting',
  live: null,
  offline: 'child.offline',
  'not-shared': 'child.chosenNot',
  gone: 'child.gone',
};

/**
 * A child's tool, full screen (a modal dialog above the board): every part side by side on a
 * tablet, laptop or wall, one tab at a time on a phone, and the drawing tools along the bottom for
 * those who may write ([AC50]). Everyone the child chose reads, looks and listens. When the child's
 * choice leaves this person out, the document is gone from memory and a calm message stays.
 */
export function ToolScreen(props: ToolScreenProps) {
  const { boardId, tool, person, board, session, me, onClose } = props;
  const opened = useChildTool(boardId, tool.id);
  const [mode, setMode] = useState<DrawingMode>({ kind: 'pen', colour: 'ink', width: 'medium' });
  const [whoOpen, setWhoOpen] = useState(false);

  const { doc, state, status } = opened;
  const ended = status === 'not-shared' || status === 'gone';
  const canWrite = may(me.role, 'AC50') && doc !== null && !ended;
  const mayChoose = may(me.role, 'CT2') && tool.mayOpen && !ended;
  const mayScoreOnBoard =
    session !== null && may(me.role, 'AC47') && mayWriteBoard(board.meta.locked === true, me);
  const overallPrivate = board.scales[OVERALL_SCALE_ID]?.mode === 'private';
  // Stable while the board changes elsewhere, so the areas do not draw again for it.
  const scoreToBoard = useCallback(
    (value: number) =>
      session && (
        <ScoreToBoard
          boardId={boardId}
          isPrivate={overallPrivate}
          session={session}
          personId={person.id}
          childName={person.name}
          value={value}
        />
      ),
    [boardId, overallPrivate, session, person.id, person.name],
  );

  // The map is everyone's: the child's words go on it only from a tool shown to everyone at the meeting.
  const mayQuote =
    session !== null &&
    may(me.role, 'AC52') &&
    (tool.visibility === 'meeting' || tool.visibility === 'wall') &&
    mayWriteBoard(board.meta.locked === true, me);
  const wordsToMap = useCallback(
    (area: string, words: string) =>
      session && (
        <WordsToMap
          session={session}
          personId={person.id}
          toolId={tool.id}
          area={area}
          childName={person.name}
          words={words}
        />
      ),
    [session, person.id, person.name, tool.id],
  );

  const kind = state?.kind ?? tool.kind;
  const statusKey = STATUS_WORDS[status];
  const sees = visibilityWords(tool, person.name, props.nameOf, may(me.role, 'CT2'));

  return (
    <ToolDialog
      title={t(isForTheChild(kind) ? 'child.toolFor' : 'child.toolOf', {
        tool: toolName(kind),
        child: person.name,
      })}
      backLabel={t('child.back')}
      onClose={onClose}
      actions={
        <>
          {tool.mayOpen && !ended && <PrintTool boardId={boardId} toolId={tool.id} />}
          {mayChoose && (
            <button
              type="button"
              className="child-screen__who-toggle"
              aria-expanded={whoOpen}
              aria-controls="child-who-panel"
              onClick={() => setWhoOpen((open) => !open)}
            >
              {whoOpen ? t('child.choice.close') : t('child.choice.open')}
            </button>
          )}
        </>
      }
    >
      {!ended && <p className="child-screen__sees">{t('child.sees.line', { sees })}</p>}
      {mayChoose && whoOpen && (
        <div id="child-who-panel" className="child-screen__who">
          <WhoSeesForm
            boardId={boardId}
            tool={tool}
            childName={person.name}
            members={props.members}
            membersFailed={props.membersFailed}
            nameOf={props.nameOf}
            onSaved={props.onToolChanged}
          />
          {me.participantId === tool.workerMemberId && (
            <HandOverForm
              boardId={boardId}
              tool={tool}
              childName={person.name}
              members={props.members}
              onSaved={props.onToolChanged}
            />
          )}
        </div>
      )}
      {!ended && tool.wordsPictures !== null && (
        <WordsPicturesPanel
          boardId={boardId}
          tool={tool}
          childName={person.name}
          me={me}
          members={props.members}
          nameOf={props.nameOf}
          onToolChanged={props.onToolChanged}
        />
      )}
      <p className="child-screen__status" role="status">
        {statusKey ? t(statusKey, { child: person.name }) : ''}
      </p>
      {!ended && state !== null && doc !== null && (
        <div className="child-screen__body">
          {!canWrite && <p className="hint child-screen__read-only">{t('child.readOnly')}</p>}
          <ToolAreas
            kind={kind}
            state={state}
            doc={doc}
            childName={person.name}
            mode={mode}
            canWrite={canWrite}
            {...(mayScoreOnBoard ? { scoreToBoard } : {})}
            {...(mayQuote ? { wordsToMap } : {})}
          />
        </div>
      )}
      {canWrite && state !== null && <DrawingTools mode={mode} onMode={setMode} />}
    </ToolDialog>
  );
}
