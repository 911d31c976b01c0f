import { newId, OVERALL_SCALE_ID, type PersonId, recordRating } from '@kinmap/model';
import { useState } from 'react';
import type { BoardSession } from '../board/useBoard';
import { t } from '../lib/messages';
import { safeStore } from '../lib/storage';
import { loadParticipantKey, savePrivateRating } from '../scales/scaleApi';

export interface ScoreToBoardProps {
  readonly boardId: string;
  /** The overall scale collects scores privately just now. */
  readonly isPrivate: boolean;
  readonly session: BoardSession;
  readonly personId: string;
  readonly childName: string;
  readonly value: number;
}

type Notice =
  | { readonly key: 'child.scale.recorded' | 'child.scale.recordedPrivately'; readonly value: number }
  | { readonly key: 'child.scale.recordFailed' };

/**
 * The worker puts the child's own number on the board's overall scale, written down for the child
 * in the worker's name ([AC47]), as the Scaling view's "write down a score" does. While the scale
 * collects privately, the score goes to the server only, like everyone's.
 */
export function ScoreToBoard({ boardId, isPrivate, session, personId, childName, value }: ScoreToBoardProps) {
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const record = async () => {
    if (saving) return;
    setSaving(true);
    const score = { value, reason: t('child.scale.reason', { child: childName }) };
    let ok: boolean;
    if (isPrivate) {
      const key = loadParticipantKey(
        safeStore(() => window.localStorage),
        () => `${newId()}${newId()}`,
      );
      ok = (await savePrivateRating({ boardId, participantId: personId, key }, OVERALL_SCALE_ID, score)).ok;
    } else {
      ok = recordRating(session.doc, session.actor, OVERALL_SCALE_ID, personId as PersonId, score).ok;
    }
    setSaving(false);
    setNotice(
      ok
        ? { key: isPrivate ? 'child.scale.recordedPrivately' : 'child.scale.recorded', value }
        : { key: 'child.scale.recordFailed' },
    );
  };

  return (
    <div className="child-scale__board">
      <button type="button" disabled={saving} onClick={() => void record()}>
        {t('child.scale.toBoard', { child: childName })}
      </button>
      <p className="hint" role="status">
        {notice === null
          ? ''
          : notice.key === 'child.scale.recordFailed'
            ? t(notice.key)
            : t(notice.key, { child: childName, value: notice.value })}
      </p>
    </div>
  );
}
