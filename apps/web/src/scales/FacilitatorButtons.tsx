import { setScaleMode } from '@kinmap/model';
import { useState } from 'react';
import type { BoardSession } from '../board/useBoard';
import type { ScaleRow } from '../canvas/analysis/scaleRows';
import { t } from '../lib/messages';
import { revealScale, type ScaleApiTarget } from './scaleApi';

/** The facilitator's choice for one scale: collect the scores privately, or reveal them all. */
export function FacilitatorButtons({
  row,
  session,
  target,
}: {
  row: ScaleRow;
  session: BoardSession;
  target: ScaleApiTarget;
}) {
  const [failed, setFailed] = useState(false);
  const isPrivate = row.scale.mode === 'private';
  const reveal = async () => setFailed(!(await revealScale(target, row.scaleId)).ok);
  return (
    <div className="scale__facilitator">
      <button
        type="button"
        aria-pressed={isPrivate}
        onClick={() => setScaleMode(session.doc, session.actor, row.scaleId, 'private')}
      >
        {t('scale.collectPrivately')}
      </button>
      <button type="button" disabled={!isPrivate} onClick={() => void reveal()}>
        {t('scale.revealAll')}
      </button>
      {failed && (
        <p className="scale__notice" role="alert">
          {t('scale.revealFailed')}
        </p>
      )}
    </div>
  );
}
