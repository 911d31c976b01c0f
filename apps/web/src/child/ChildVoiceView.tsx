import { type BoardState, CHILD_TOOL_KINDS, type ChildToolKind, may, type PersonState } from '@kinmap/model';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { type BoardMember, listMembers } from '../access/inviteApi';
import type { BoardSession, Me } from '../board/useBoard';
import { type MessageKey, t } from '../lib/messages';
import { peopleInOrder } from '../plan/planOrder';
import { type ChildToolInfo, listChildTools, startChildTool } from './childToolApi';
import { HandOverForm } from './HandOverForm';
import { ToolCard } from './ToolCard';
import { ToolScreen } from './ToolScreen';
import { childLabel, toolName } from './toolWords';
import './child.css';

export interface ChildVoiceViewProps {
  readonly boardId: string;
  readonly board: BoardState;
  readonly session: BoardSession | null;
  readonly me: Me;
  /** A tool to open as soon as the list has it (from the safety plan); then `onOpened`. */
  readonly openFirst?: string | null;
  readonly onOpened?: () => void;
}

/** How often the list is asked again while the view is shown. */
const LIST_REFRESH_MS = 5_000;

type Tools =
  | { readonly state: 'loading' }
  | { readonly state: 'failed' }
  | { readonly state: 'ready'; readonly list: readonly ChildToolInfo[] };

/**
 * "The child's voice": each child of the case with their own tools (Three Houses, Wizards and
 * Fairies, the Safety House) and those written for them (Words and Pictures, their safety plan).
 * Staff start a tool with a child ([CT1]) and choose with the child who sees it ([CT2]); everyone
 * sees only the tools the child let them see (the server lists no other), the list asked again every
 * few seconds. A tool opens full screen; its document lives only while it is open. A tool whose
 * worker has left is handed over by the facilitator ([CT8]).
 */
export function ChildVoiceView({ boardId, board, session, me, openFirst, onOpened }: ChildVoiceViewProps) {
  const caseChildren = useMemo(
    () => peopleInOrder(board).filter((person) => person.kind === 'child'),
    [board],
  );
  const [tools, setTools] = useState<Tools>({ state: 'loading' });
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const staff = may(me.role, 'CT2');
  const members = useMembers(boardId, staff);

  const refresh = useCallback(async () => {
    const result = await listChildTools(boardId);
    setTools((current) =>
      result.ok
        ? { state: 'ready', list: result.value }
        : current.state === 'ready'
          ? current
          : { state: 'failed' },
    );
  }, [boardId]);
  // The list again whenever the page comes back into view, and every few seconds while it is in
  // view: a tool a child has just chosen to show this person appears without a reload.
  useEffect(() => {
    void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    const timer = setInterval(onVisible, LIST_REFRESH_MS);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    };
  }, [refresh]);

  // Opened from the safety plan: the tool opens once the list has it.
  useEffect(() => {
    if (!openFirst || tools.state !== 'ready') return;
    if (tools.list.some((tool) => tool.id === openFirst && tool.mayOpen)) setOpenId(openFirst);
    onOpened?.();
  }, [openFirst, tools, onOpened]);

  const replace = useCallback((tool: ChildToolInfo) => {
    setTools((current) =>
      current.state === 'ready'
        ? { state: 'ready', list: [...current.list.filter((each) => each.id !== tool.id), tool].sort(byAge) }
        : { state: 'ready', list: [tool] },
    );
  }, []);

  const nameOf = useCallback(
    (memberId: string): string | null =>
      members.list?.find((member) => member.id === memberId)?.displayName ??
      board.participants[memberId]?.displayName ??
      null,
    [members.list, board.participants],
  );

  const start = async (person: PersonState, kind: ChildToolKind) => {
    if (starting) return;
    setNotice(null);
    setStarting(true);
    const result = await startChildTool(boardId, { personId: person.id, kind });
    setStarting(false);
    if (!result.ok) {
      setNotice(t('child.start.failed'));
      return;
    }
    replace(result.value);
    setNotice(t('child.started', { tool: toolName(kind), child: person.name }));
    if (result.value.mayOpen) setOpenId(result.value.id);
  };

  const close = () => {
    const closed = openId;
    setOpenId(null);
    void refresh();
    // Back to where the person was: the tool's own button in the list.
    if (closed) requestAnimationFrame(() => document.getElementById(openButtonId(closed))?.focus());
  };

  const list = tools.state === 'ready' ? tools.list : [];
  const found = list.find((tool) => tool.id === openId);
  // A tool the child stops showing this person leaves their list, but its screen stays open with the
  // calm "chosen not to share" until they go back: it is kept as it was last listed.
  const [lastListed, setLastListed] = useState<ChildToolInfo | null>(null);
  useEffect(() => {
    if (found) setLastListed(found);
  }, [found]);
  const open = found ?? (lastListed?.id === openId ? lastListed : undefined);
  const openPerson = open && caseChildren.find((person) => person.id === open.personId);

  return (
    <div className="child-scroll">
      <section className="child-view" aria-labelledby="child-view-title">
        <h2 id="child-view-title">{t('child.title')}</h2>
        <p className="hint">{t('child.intro')}</p>
        <p className="child-view__notice" role="status">
          {notice ?? ''}
        </p>
        {tools.state === 'loading' && <p className="hint">{t('child.loading')}</p>}
        {tools.state === 'failed' && (
          <p className="error">
            {t('child.loadFailed')}{' '}
            <button type="button" onClick={() => void refresh()}>
              {t('child.tryAgain')}
            </button>
          </p>
        )}
        {caseChildren.length === 0 ? (
          <p className="child-view__empty">{t('child.noChildren')}</p>
        ) : (
          caseChildren.map((person) => (
            <ChildSection
              key={person.id}
              person={person}
              tools={list.filter((tool) => tool.personId === person.id)}
              ready={tools.state === 'ready'}
              mayStart={may(me.role, 'CT1') && tools.state === 'ready'}
              starting={starting}
              staff={staff}
              nameOf={nameOf}
              onStart={(kind) => void start(person, kind)}
              onOpen={setOpenId}
              handOver={(tool) =>
                // [CT8] A tool whose worker has left: the facilitator hands it to the child's new worker.
                !tool.mayOpen && tool.workerLeft && may(me.role, 'CT9') ? (
                  <HandOverForm
                    boardId={boardId}
                    tool={tool}
                    childName={person.name}
                    members={members.list}
                    onSaved={replace}
                    forLeaver
                  />
                ) : null
              }
            />
          ))
        )}
      </section>
      {open && openPerson && (
        <ToolScreen
          key={open.id}
          boardId={boardId}
          tool={open}
          person={openPerson}
          board={board}
          session={session}
          me={me}
          members={members.list}
          membersFailed={members.failed}
          nameOf={nameOf}
          onToolChanged={replace}
          onClose={close}
        />
      )}
    </div>
  );
}

const byAge = (a: ChildToolInfo, b: ChildToolInfo) => a.createdAt - b.createdAt;

export const openButtonId = (toolId: string): string => `child-open-${toolId}`;

/** The board's members, for names and the "people I choose" list; only staff may list them. */
function useMembers(boardId: string, staff: boolean) {
  const [members, setMembers] = useState<{ list: readonly BoardMember[] | null; failed: boolean }>({
    list: null,
    failed: false,
  });
  useEffect(() => {
    if (!staff) return;
    let alive = true;
    void listMembers(boardId).then((result) => {
      if (alive) setMembers(result.ok ? { list: result.value, failed: false } : { list: null, failed: true });
    });
    return () => {
      alive = false;
    };
  }, [boardId, staff]);
  return members;
}

interface ChildSectionProps {
  readonly person: PersonState;
  readonly tools: readonly ChildToolInfo[];
  readonly ready: boolean;
  readonly mayStart: boolean;
  /** A tool is being started: the buttons wait for it. */
  readonly starting: boolean;
  readonly staff: boolean;
  readonly nameOf: (memberId: string) => string | null;
  readonly onStart: (kind: ChildToolKind) => void;
  readonly onOpen: (toolId: string) => void;
  /** What to offer under a tool to hand it over, if anything ([CT8]). */
  readonly handOver: (tool: ChildToolInfo) => ReactNode;
}

/** One child: their tools, and for staff the three tools to start with them. */
function ChildSection(props: ChildSectionProps) {
  const { person, tools, ready, mayStart, starting, staff, nameOf, onStart, onOpen, handOver } = props;
  const headingId = `child-${person.id}`;
  const none: MessageKey = staff ? 'child.noTools' : 'child.noToolsShared';
  return (
    <section className="child-person" aria-labelledby={headingId}>
      <h3 id={headingId} className="child-person__name" dir="auto">
        {childLabel(person)}
      </h3>
      {ready && tools.length === 0 && <p className="hint">{t(none, { child: person.name })}</p>}
      {tools.length > 0 && (
        <ul className="child-person__tools">
          {tools.map((tool) => (
            <ToolCard
              key={tool.id}
              tool={tool}
              childName={person.name}
              staff={staff}
              nameOf={nameOf}
              openButtonId={openButtonId(tool.id)}
              onOpen={() => onOpen(tool.id)}
              handOver={handOver(tool)}
            />
          ))}
        </ul>
      )}
      {mayStart && (
        <div className="child-person__start">
          <h4 className="child-person__start-title">{t('child.start.title', { child: person.name })}</h4>
          {CHILD_TOOL_KINDS.map((kind) => (
            <button key={kind} type="button" disabled={starting} onClick={() => onStart(kind)}>
              {toolName(kind)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
