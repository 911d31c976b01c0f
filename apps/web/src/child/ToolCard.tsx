import { ChevronRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { currentLanguage, t } from '../lib/messages';
import type { ChildToolInfo } from './childToolApi';
import { TOOL_ICONS } from './toolIcon';
import { toolName, visibilityWords } from './toolWords';

export interface ToolCardProps {
  readonly tool: ChildToolInfo;
  readonly childName: string;
  readonly staff: boolean;
  readonly nameOf: (memberId: string) => string | null;
  readonly openButtonId: string;
  readonly onOpen: () => void;
  /** Below the card: handing it over to a new worker ([CT8]), when offered. */
  readonly handOver?: ReactNode;
}

function startedOn(createdAt: number): string {
  try {
    return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium' }).format(createdAt);
  } catch {
    return new Date(createdAt).toDateString();
  }
}

/** One of a child's tools in the list: which it is, since when, who can see it, and "Open". */
export function ToolCard({ tool, childName, staff, nameOf, openButtonId, onOpen, handOver }: ToolCardProps) {
  const name = toolName(tool.kind);
  const Icon = TOOL_ICONS[tool.kind];
  return (
    <li className="child-tool-card">
      <Icon aria-hidden="true" size={32} className="child-tool-card__icon" />
      <div className="child-tool-card__text">
        <h4 className="child-tool-card__name">{name}</h4>
        <p className="hint">{t('child.startedOn', { date: startedOn(tool.createdAt) })}</p>
        <p className="child-tool-card__sees">
          {t('child.sees.line', { sees: visibilityWords(tool, childName, nameOf, staff) })}
        </p>
      </div>
      {tool.mayOpen ? (
        <button id={openButtonId} type="button" className="child-tool-card__open" onClick={onOpen}>
          {t('child.open', { tool: name })}
          <ChevronRight aria-hidden="true" size={20} />
        </button>
      ) : (
        <p className="child-tool-card__closed">{t('child.notShared', { child: childName })}</p>
      )}
      {handOver && (
        <div className="child-tool-card__hand-over">
          <p>{t('child.handOver.left', { child: childName })}</p>
          {handOver}
        </div>
      )}
    </li>
  );
}
