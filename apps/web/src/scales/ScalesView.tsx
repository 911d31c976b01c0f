import {
  type BoardState,
  clearRating,
  may,
  newId,
  ownValue,
  type PersonId,
  rate,
  type ScaleId,
  type ScaleRating,
  takeOverRecordedRating,
} from '@kinmap/model';
import { type FormEvent, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { BoardSession, Me } from '../board/useBoard';
import { markersFor, type ScaleRow, scaleRows, scoredCount } from '../canvas/analysis/scaleRows';
import { mayWriteBoard } from '../editing/cardPermissions';
import { type MessageKey, t } from '../lib/messages';
import { safeStore } from '../lib/storage';
import { AddPairForm } from './AddPairForm';
import { FacilitatorButtons } from './FacilitatorButtons';
import { RecordScoreForm } from './RecordScoreForm';
import { ScaleLine } from './ScaleLine';
import { ScoreOptions } from './ScoreOptions';
import {
  fetchPrivateRating,
  loadParticipantKey,
  type ScaleApiTarget,
  savePrivateRating,
  withdrawPrivateRating,
} from './scaleApi';
import { type DraftStatus, draftStatus, initialDraft, scoreDraft, toSend } from './scoreDraft';

export interface ScalesViewProps {
  readonly session: BoardSession | null;
  readonly board: BoardState;
  readonly me: Me;
  readonly boardId: string;
}

/** What the server holds as this person's private scores, by scale (absent: not fetched yet). */
/** This person's private scores by scale id (a Map: a pair id may be `constructor`). */
type PrivateScores = ReadonlyMap<string, ScaleRating | null>;
const withScore = (all: PrivateScores, scaleId: string, rating: ScaleRating | null): PrivateScores =>
  new Map(all).set(scaleId, rating);

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
  const [privateScores, setPrivateScores] = useState<PrivateScores>(() => new Map());

  // Ask the server for this person's own private score whenever a scale opens privately or they
  // join or leave its scored list (after a reload, a re-score elsewhere, a new round).
  const seen = useRef(new Map<string, string>());
  useEffect(() => {
    if (!may(me.role, 'PR3')) return;
    for (const { scaleId, scale } of rows) {
      const mine = scale.scored.includes(me.participantId);
      const signature = scale.mode === 'private' ? `private:${mine}` : 'revealed';
      if (seen.current.get(scaleId) === signature) continue;
      seen.current.set(scaleId, signature);
      if (scale.mode !== 'private') {
        setPrivateScores((all) => withScore(all, scaleId, null));
        continue;
      }
      void fetchPrivateRating(target, scaleId).then((result) => {
        if (result.ok) setPrivateScores((all) => withScore(all, scaleId, result.value));
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
          ownPrivate={privateScores.get(row.scaleId) ?? null}
          onPrivateSaved={(rating) => setPrivateScores((all) => withScore(all, row.scaleId, rating))}
        />
      ))}
      {session && may(me.role, 'AC14') && mayWriteBoard(board.meta.locked === true, me) && (
        <AddPairForm session={session} />
      )}
    </main>
  );
}

/** Is this person of the case the one reading, since staff linked them to their device ([AC48])? */
function isMe(board: BoardState, personId: string, me: Me): boolean {
  return ownValue(board.people, personId)?.participantId === me.participantId;
}

/** The words for a draft's state; "saved privately" only while the scale is still private. */
function noticeFor(status: DraftStatus, savedIn: string | null): MessageKey | null {
  switch (status) {
    case 'saving':
      return 'scale.saving';
    case 'unsaved':
      return 'scale.unsaved';
    case 'failed':
      return 'scale.failed';
    case 'saved':
      return savedIn === null ? null : savedIn === 'private' ? 'scale.savedPrivately' : 'scale.saved';
    default:
      return null;
  }
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
  const current = isPrivate ? ownPrivate : (ownValue(scale.ratings, me.participantId) ?? null);
  const [draft, dispatch] = useReducer(scoreDraft, current, initialDraft);
  const canScore = session !== null && may(me.role, 'AC8') && mayWriteBoard(board.meta.locked === true, me);
  // A score saved elsewhere (this save arriving, another tab, the reveal, a reload) replaces the
  // draft only if the person has not changed it (scoreDraft.ts): typed text is never reverted.
  const savedValue = current?.value ?? null;
  const savedReason = current?.reason ?? '';
  useEffect(() => {
    dispatch({
      type: 'savedElsewhere',
      saved: savedValue === null ? null : { value: savedValue, reason: savedReason },
    });
  }, [savedValue, savedReason]);
  // "Saved privately" is wrong once the scale is revealed: the notice belongs to the mode it was said in.
  const [savedIn, setSavedIn] = useState(scale.mode);
  const status = draftStatus(draft);

  const markers = markersFor(scale, board, me.participantId, ownPrivate, t('scale.someone'));
  const heading = pair ? t('scale.pairHeading', { number: pair.number }) : t('scale.overall');
  const headingId = `scale-${scaleId}`;
  const scored = scoredCount(scale, board);

  /** The value and the reason together: one transaction on the board, or one private request. */
  const save = async () => {
    const score = toSend(draft);
    if (!session || score === null) return;
    dispatch({ type: 'send' });
    setSavedIn(scale.mode);
    if (!isPrivate) {
      const result = rate(session.doc, session.actor, scaleId as ScaleId, score);
      dispatch({ type: 'answered', ok: result.ok, saved: null });
      return;
    }
    const result = await savePrivateRating(target, scaleId, score);
    dispatch({ type: 'answered', ok: result.ok, saved: result.ok ? result.value : null });
    if (result.ok) onPrivateSaved(result.value);
  };
  const remove = async () => {
    if (!session) return;
    if (!isPrivate) {
      clearRating(session.doc, session.actor, scaleId);
    } else if ((await withdrawPrivateRating(target, scaleId)).ok) {
      onPrivateSaved(null);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const notice = noticeFor(status, savedIn === scale.mode ? savedIn : null);

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
        myValue={draft.value}
        draftValue={draft.value !== null && draft.value !== current?.value ? draft.value : null}
        onPick={canScore ? (next) => dispatch({ type: 'pick', value: next }) : null}
      />
      <ul className="scale__ratings">
        {markers.length === 0 && !isPrivate && <li>{t('scale.nobodyYet')}</li>}
        {markers.map((marker) => (
          <li key={marker.participantId}>
            <strong>
              {marker.recordedBy === null
                ? t('scale.markerLabel', {
                    name: marker.name,
                    role: t(`role.${marker.role}`),
                    value: marker.value,
                  })
                : t('scale.recordedMarkerLabel', {
                    name: marker.name,
                    value: marker.value,
                    recorder: marker.recordedBy,
                  })}
            </strong>
            {marker.reason && <span dir="auto"> — {marker.reason}</span>}
            {session && !isPrivate && marker.recordedBy !== null && isMe(board, marker.participantId, me) && (
              <button
                type="button"
                className="scale__take-over"
                onClick={() =>
                  takeOverRecordedRating(
                    session.doc,
                    session.actor,
                    scaleId as ScaleId,
                    marker.participantId as PersonId,
                  )
                }
              >
                {t('scale.takeOver')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canScore && (
        <form className="scale__form" onSubmit={onSubmit}>
          <label>
            {t('scale.yourScore')}
            <select
              value={draft.value === null ? '' : String(draft.value)}
              onChange={(event) =>
                dispatch({
                  type: 'pick',
                  value: event.target.value === '' ? null : Number(event.target.value),
                })
              }
            >
              <ScoreOptions />
            </select>
          </label>
          <label>
            {t('scale.reason')}
            <textarea
              value={draft.reason}
              maxLength={2000}
              rows={2}
              onChange={(event) => dispatch({ type: 'type', reason: event.target.value })}
            />
          </label>
          <div className="scale__buttons">
            <button type="submit" disabled={draft.value === null || status === 'saving'}>
              {t('scale.save')}
            </button>
            {current && (
              <button type="button" onClick={() => void remove()}>
                {t('scale.remove')}
              </button>
            )}
          </div>
          {notice && (
            <p className={`scale__notice scale__notice--${status}`} role="status">
              {t(notice)}
            </p>
          )}
        </form>
      )}
      {session && may(me.role, 'AC47') && mayWriteBoard(board.meta.locked === true, me) && (
        <RecordScoreForm
          scaleId={scaleId as ScaleId}
          board={board}
          session={session}
          target={target}
          isPrivate={isPrivate}
        />
      )}
      {session && may(me.role, 'AC9') && <FacilitatorButtons row={row} session={session} target={target} />}
    </section>
  );
}
