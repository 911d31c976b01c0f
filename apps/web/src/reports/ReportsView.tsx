import type { BoardState } from '@kinmap/model';
import type { Me } from '../board/useBoard';
import { t } from '../lib/messages';
import { Downloads } from './Downloads';
import { TrajectoryPanel } from './TrajectoryPanel';
import './reports.css';

export interface ReportsViewProps {
  readonly boardId: string;
  /** The live board as this person may see it. */
  readonly board: BoardState;
  readonly me: Me;
}

/** The Reports view: the scaling trajectory over the meetings, and the downloads. */
export function ReportsView({ boardId, board, me }: ReportsViewProps) {
  return (
    <div className="plan-scroll">
      <main className="reports" aria-labelledby="reports-title">
        <h2 id="reports-title">{t('reports.title')}</h2>
        <p className="hint">{t('reports.intro')}</p>
        <TrajectoryPanel boardId={boardId} />
        <Downloads boardId={boardId} board={board} role={me.role} />
      </main>
    </div>
  );
}
