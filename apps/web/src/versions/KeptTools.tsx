import { type BoardState, isForTheChild, type VersionMeta } from '@kinmap/model';
import { ChevronRight } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import type { Me } from '../board/useBoard';
import { TOOL_ICONS } from '../child/toolIcon';
import { toolName } from '../child/toolWords';
import { t } from '../lib/messages';
import { KeptToolScreen } from './KeptToolScreen';
import type { KeptTool } from './versionToolsApi';
import '../child/child.css';

export interface KeptToolsProps {
  readonly boardId: string;
  readonly version: Pick<VersionMeta, 'id' | 'number'>;
  readonly tools: readonly KeptTool[];
  readonly board: BoardState;
  readonly me: Me;
  readonly onRestored: () => void;
}

/**
 * [CT7] The child's tools as the version kept them: each named with its child, whether it has
 * changed since, and "Look at it" — only where the child's choice now shows it to this person.
 */
export function KeptTools({ boardId, version, tools, board, me, onRestored }: KeptToolsProps) {
  const id = useId();
  const [open, setOpen] = useState<string | null>(null);
  const lastOpened = useRef<string | null>(null);
  const opened = tools.find((kept) => kept.tool.id === open) ?? null;
  const close = () => {
    setOpen(null);
    // Back to the button that opened it.
    requestAnimationFrame(() => {
      if (lastOpened.current) document.getElementById(lastOpened.current)?.focus();
    });
  };
  return (
    <section className="versions-tools" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('versions.tools.heading', { number: version.number })}</h2>
      <p className="hint">{t('versions.tools.intro')}</p>
      <ul className="child-person__tools">
        {tools.map((kept) => {
          const childName =
            board.people[kept.tool.personId as keyof typeof board.people]?.name ?? t('versions.tools.aChild');
          const name = toolName(kept.tool.kind);
          const Icon = TOOL_ICONS[kept.tool.kind];
          const buttonId = `${id}-${kept.tool.id}`;
          return (
            <li key={kept.tool.id} className="child-tool-card">
              <Icon aria-hidden="true" size={32} className="child-tool-card__icon" />
              <div className="child-tool-card__text">
                <h3 className="child-tool-card__name" dir="auto">
                  {t(isForTheChild(kept.tool.kind) ? 'child.toolFor' : 'child.toolOf', {
                    tool: name,
                    child: childName,
                  })}
                </h3>
                {kept.changedSince !== null && (
                  <p className="hint">
                    {t(kept.changedSince ? 'versions.tools.changed' : 'versions.tools.same', {
                      number: version.number,
                    })}
                  </p>
                )}
              </div>
              {kept.changedSince === null ? (
                <p className="child-tool-card__closed">{t('child.notShared', { child: childName })}</p>
              ) : (
                <button
                  id={buttonId}
                  type="button"
                  className="child-tool-card__open"
                  onClick={() => {
                    lastOpened.current = buttonId;
                    setOpen(kept.tool.id);
                  }}
                >
                  {t('versions.tools.look', { tool: name })}
                  <ChevronRight aria-hidden="true" size={20} />
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {opened && (
        <KeptToolScreen
          boardId={boardId}
          version={version}
          kept={opened}
          board={board}
          me={me}
          onRestored={onRestored}
          onClose={close}
        />
      )}
    </section>
  );
}
