import {
  type BoardState,
  clearRating,
  may,
  newId,
  rate,
  type ScaleId,
  type ScaleRating,
} from '@kinmap/model';
import { type FormEvent, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { BoardSession, Me } from '../board/useBoard';
import { markersFor, type ScaleRow, scaleRows, scoredCount } from '../canvas/analysis/scaleRows';
import { mayWriteBoard } from '../editing/cardPermissions';
import { type MessageKey, t } from '../lib/messages';
import { safeStore } from '../lib/storage';
import { AddPairForm } from './AddPairForm';
import { FacilitatorButtons } from './FacilitatorButtons';
import { ScaleLine } from './ScaleLine';
import {
  fetchPrivateRating,
  loadParticipantKey,
  type ScaleApiTarget,
  savePrivateRating,
  withdrawPrivateRating,
} from './scaleApi';

export interface ScalesViewProps {
  readonly session: BoardSession | null;
  readonly board: BoardState;
  readonly me: Me;
  readonly boardId: string;
}

const SCORES = Array.from({ length: 11 }, (_, i) => i);

/** What the server holds as this person's private scores, by scale (absent: not fetched yet). */
type PrivateScores = Readonly<Record<string, ScaleRating | null>>;

/**
 * The Scaling view: the overall scale and each worry/goal pair with its own scale. Revealed
 * scores live in the shared document; private ones go to the server only (scaleApi.ts).
 */
export function ScalesView({ session, board, me, boardId }: ScalesViewProps) {
  const rows = useMemo(() => scaleRows(board), [board]);
  const target = useMemo<ScaleApiTarget>(
    () => ({
      boardId,
      participantId: me.participantId,
      key: loadParticipantKey(
        safeStore(() => window.localStorage),
        () => `${newId()}${newId()}`,
      ),
    }),
    [boardId, me.participantId],
  );
  const [privateScores, setPrivateScores] = useState<PrivateScores>({});

  // Ask the server for this person's own private score whenever a scale opens privately or they
  // join or leave its scored list (after a reload, a re-score elsewhere, a new round).
  const seen = useRef<Record<string, string>>({});
  useEffect(() => {
    if (!may(me.role, 'PR3')) return;
    for (const { scaleId, scale } of rows) {
      const mine = scale.scored.includes(me.participantId);
      const signature = scale.mode === 'private' ? `private:${mine}` : 'revealed';
      if (seen.current[scaleId] === signature) continue;
      seen.current[scaleId] = signature;
      if (scale.mode !== 'private') {
        setPrivateScores((all) => ({ ...all, [scaleId]: null }));
        continue;
      }
      void fetchPrivateRating(target, scaleId).then((result) => {
        if (result.ok) setPrivateScores((all) => ({ ...all, [scaleId]: result.value }));
      });
    }
  }, [rows, target, me.participantId, me.role]);

  return (
    <main className="scales" aria-labelledby="scales-title">
      <h2 id="scales-title">{t('scale.title')}</h2>
      <p className="scales__intro">{t('scale.intro')}</p>
      {rows.map((row) => (
        <ScaleSection
          key={row.scaleId}
          row={row}
          board={board}
          me={me}
          session={session}
          target={target}
          ownPrivate={privateScores[row.scaleId] ?? null}
          onPrivateSaved={(rating) => setPrivateScores((all) => ({ ...all, [row.scaleId]: rating }))}
        />
      ))}
      {session && may(me.role, 'AC14') && mayWriteBoard(board.meta.locked === true, me) && (
        <AddPairForm session={session} />
      )}
    </main>
  );
}

interface ScaleSectionProps {
  readonly row: ScaleRow;
  readonly board: BoardState;
  readonly me: Me;
  readonly session: BoardSession | null;
  readonly target: ScaleApiTarget;
  readonly ownPrivate: ScaleRating | null;
  readonly onPrivateSaved: (rating: ScaleRating | null) => void;
}

function ScaleSection({ row, board, me, session, target, ownPrivate, onPrivateSaved }: ScaleSectionProps) {
  const { scaleId, scale, pair } = row;
  const isPrivate = scale.mode === 'private';
  const current = isPrivate ? ownPrivate : (scale.ratings[me.participantId] ?? null);
  const [value, setValue] = useState<number | null>(current?.value ?? null);
  const [reason, setReason] = useState(current?.reason ?? '');
  // Remembered with the mode it was said in: "saved privately" is wrong once the scale is revealed.
  const [said, setNotice] = useReducer(
    (_: { key: MessageKey; mode: string } | null, key: MessageKey | null) =>
      key === null ? null : { key, mode: scale.mode },
    null,
  );
  const notice = said !== null && said.mode === scale.mode ? said.key : null;
  const canScore = session !== null && may(me.role, 'AC8') && mayWriteBoard(board.meta.locked === true, me);
  // A score saved elsewhere (another tab, the reveal, a reload) replaces the draft.
  useEffect(() => {
    setValue(current?.value ?? null);
    setReason(current?.reason ?? '');
  }, [current?.value, current?.reason]);

  const markers = markersFor(scale, board, me.participantId, ownPrivate, t('scale.someone'));
  const heading = pair ? t('scale.pairHeading', { number: pair.number }) : t('scale.overall');
  const headingId = `scale-${scaleId}`;
  const scored = scoredCount(scale, board);

  const save = useCallback(
    async (next: number, why: string) => {
      if (!session) return;
      setValue(next);
      if (!isPrivate) {
        const result = rate(session.doc, session.actor, scaleId as ScaleId, { value: next, reason: why });
        setNotice(result.ok ? 'scale.saved' : 'scale.failed');
        return;
      }
      const result = await savePrivateRating(target, scaleId, { value: next, reason: why });
      if (result.ok) onPrivateSaved(result.value);
      setNotice(result.ok ? 'scale.savedPrivately' : 'scale.failed');
    },
    [session, isPrivate, scaleId, target, onPrivateSaved],
  );
  const remove = async () => {
    if (!session) return;
    if (!isPrivate) {
      clearRating(session.doc, session.actor, scaleId);
    } else if ((await withdrawPrivateRating(target, scaleId)).ok) {
      onPrivateSaved(null);
    }
    setNotice(null);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (value !== null) void save(value, reason);
  };

  return (
    <section className="scale" aria-labelledby={headingId} data-scale={scaleId}>
      <h3 id={headingId}>{heading}</h3>
      {pair && (
        <div className="scale__pair">
          <div className="scale__text scale__text--danger">
            <h4>{t('scale.dangerStatement')}</h4>
            <p dir="auto">{pair.dangerStatement}</p>
          </div>
          <div className="scale__text scale__text--goal">
            <h4>{t('scale.safetyGoal')}</h4>
            <p dir="auto">{pair.safetyGoal}</p>
          </div>
        </div>
      )}
      {isPrivate && (
        <p className="scale__private" role="status">
          {t('scale.private')} {t('scale.scoredCount', { count: scored.scored, total: scored.total })}
        </p>
      )}
      <ScaleLine
        label={heading}
        markers={markers}
        myValue={value}
        onPick={canScore ? (next) => void save(next, reason) : null}
      />
      <ul className="scale__ratings">
        {markers.length === 0 && !isPrivate && <li>{t('scale.nobodyYet')}</li>}
        {markers.map((marker) => (
          <li key={marker.participantId}>
            <strong>
              {t('scale.markerLabel', {
                name: marker.name,
                role: t(`role.${marker.role}`),
                value: marker.value,
              })}
            </strong>
            {marker.reason && <span dir="auto"> — {marker.reason}</span>}
          </li>
        ))}
      </ul>
      {canScore && (
        <form className="scale__form" onSubmit={onSubmit}>
          <label>
            {t('scale.yourScore')}
            <select
              value={value === null ? '' : String(value)}
              onChange={(event) => setValue(event.target.value === '' ? null : Number(event.target.value))}
            >
              <option value="">{t('scale.noScore')}</option>
              {SCORES.map((score) => (
                <option key={score} value={score}>
                  {score}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('scale.reason')}
            <textarea
              value={reason}
              maxLength={2000}
              rows={2}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <div className="scale__buttons">
            <button type="submit" disabled={value === null}>
              {t('scale.save')}
            </button>
            {current && (
              <button type="button" onClick={() => void remove()}>
                {t('scale.remove')}
              </button>
            )}
          </div>
          {notice && (
            <p className="scale__notice" role="status">
              {t(notice)}
            </p>
          )}
        </form>
      )}
      {session && may(me.role, 'AC9') && <FacilitatorButtons row={row} session={session} target={target} />}
    </section>
  );
}
