import {
  type BoardState,
  type ChildToolState,
  initChildTool,
  isForTheChild,
  may,
  readChildTool,
  restoreChildTool,
  type VersionMeta,
} from '@kinmap/model';
import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import type { Me } from '../board/useBoard';
import type { DrawingMode } from '../child/pens';
import { ToolAreas, ToolDialog } from '../child/ToolDialog';
import { areaTitle, toolName } from '../child/toolWords';
import { ConfirmButton } from '../lib/ConfirmButton';
import { t } from '../lib/messages';
import { failureMessage } from './useVersionsData';
import { fetchKeptTool, type KeptTool, type KeptToolContent, restoreKeptTool } from './versionToolsApi';

export interface KeptToolScreenProps {
  readonly boardId: string;
  readonly version: Pick<VersionMeta, 'id' | 'number'>;
  readonly kept: KeptTool;
  /** The version's board: the child's name as it was then. */
  readonly board: BoardState;
  readonly me: Me;
  /** After the tool was brought back: the list asks again whether each changed since. */
  readonly onRestored: () => void;
  readonly onClose: () => void;
}

/** A version's drawing is only looked at: the pen is never used. */
const LOOK_ONLY: DrawingMode = { kind: 'pen', colour: 'ink', width: 'medium' };

/** The tool in a document of this screen's own, never connected: the areas draw from a document. */
function lookingCopy(content: ChildToolState): Y.Doc {
  const doc = new Y.Doc();
  initChildTool(doc, {
    kind: content.kind,
    toolId: content.toolId,
    personId: content.personId,
    createdAt: content.createdAt,
  });
  restoreChildTool(doc, content);
  return doc;
}

type Said = { readonly text: string; readonly problem: boolean } | null;

/**
 * A child's tool as a saved version kept it ([CT7]), full screen and read-only: every part as it
 * was, whether it has changed since, and for staff the child shows it to, bringing it back.
 */
export function KeptToolScreen({
  boardId,
  version,
  kept,
  board,
  me,
  onRestored,
  onClose,
}: KeptToolScreenProps) {
  const [loaded, setLoaded] = useState<KeptToolContent | 'loading' | 'failed'>('loading');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said>(null);

  useEffect(() => {
    let live = true;
    void fetchKeptTool(boardId, version.id, kept.tool.id).then((result) => {
      if (live) setLoaded(result.ok ? result.value : 'failed');
    });
    return () => {
      live = false;
    };
  }, [boardId, version.id, kept.tool.id]);

  const content = typeof loaded === 'object' ? loaded.content : null;
  const doc = useMemo(() => (content ? lookingCopy(content) : null), [content]);
  useEffect(() => () => doc?.destroy(), [doc]);
  const state = useMemo(() => (doc ? readChildTool(doc) : null), [doc]);

  const kind = kept.tool.kind;
  const childName =
    board.people[kept.tool.personId as keyof typeof board.people]?.name ?? t('versions.tools.aChild');
  const name = toolName(kind);
  const what = t(isForTheChild(kind) ? 'child.toolFor' : 'child.toolOf', {
    tool: name,
    child: childName,
  });
  const changed = typeof loaded === 'object' && loaded.changedSince;
  const mayRestore = may(me.role, 'CT7') && kept.tool.mayOpen && changed;

  async function bringBack() {
    setBusy(true);
    const result = await restoreKeptTool(boardId, version.id, kept.tool.id);
    setBusy(false);
    if (!result.ok) {
      setSaid({ text: t(failureMessage(result)), problem: true });
      return;
    }
    setSaid({ text: t('versions.tools.restored', { what, number: version.number }), problem: false });
    setLoaded((before) =>
      typeof before === 'object' ? { ...before, changedSince: false, changedAreas: [] } : before,
    );
    onRestored();
  }

  return (
    <ToolDialog
      title={t('versions.tools.title', { tool: what, number: version.number })}
      backLabel={t('versions.tools.back', { number: version.number })}
      onClose={onClose}
      actions={
        mayRestore && (
          <ConfirmButton
            label={t('versions.tools.restore')}
            question={t('versions.tools.restoreQuestion', { what, number: version.number })}
            yes={t('versions.tools.restoreYes')}
            no={t('versions.tools.restoreNo')}
            disabled={busy}
            onConfirm={() => void bringBack()}
          />
        )
      }
    >
      {typeof loaded === 'object' && (
        <p className="child-screen__sees">
          {loaded.changedSince
            ? t('versions.tools.changedParts', {
                number: version.number,
                parts: loaded.changedAreas.map((area) => areaTitle(kind, area)).join(', '),
              })
            : t('versions.tools.same', { number: version.number })}
        </p>
      )}
      <p className="child-screen__status" role="status">
        {loaded === 'loading' ? t('versions.read.loading') : said && !said.problem ? said.text : ''}
      </p>
      {(loaded === 'failed' || said?.problem) && (
        <p role="alert" className="child-screen__status">
          {loaded === 'failed' ? t('versions.tools.failed') : said?.text}
        </p>
      )}
      {state !== null && doc !== null && (
        <div className="child-screen__body">
          <p className="hint child-screen__read-only">{t('versions.tools.readOnly')}</p>
          <ToolAreas
            kind={kind}
            state={state}
            doc={doc}
            childName={childName}
            mode={LOOK_ONLY}
            canWrite={false}
          />
        </div>
      )}
    </ToolDialog>
  );
}
