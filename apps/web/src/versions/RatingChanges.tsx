import type { BoardDiff, BoardState, ScaleMode, ScaleRating } from '@kinmap/model';
import { t } from '../lib/messages';
import { personOf, type ScaleName, scaleName } from './compare';

export interface RatingChangesProps {
  readonly diff: BoardDiff;
  readonly before: BoardState;
  readonly after: BoardState;
}

function scaleWords(name: ScaleName): string {
  if (name.kind === 'overall') return t('scale.overall');
  if (name.number === null) return t('versions.compare.removedPair');
  return t('versions.compare.pairScale', { number: name.number });
}

function score(rating: ScaleRating | null): string {
  return rating ? String(rating.value) : t('versions.compare.noScore');
}

function modeWords(mode: ScaleMode | null): string {
  if (mode === 'private') return t('versions.compare.modePrivate');
  if (mode === 'revealed') return t('versions.compare.modeRevealed');
  return t('versions.compare.modeNone');
}

/** Each person's scores that changed, per scale, with their new reason; and scales' modes. */
export function RatingChanges({ diff, before, after }: RatingChangesProps) {
  if (diff.ratings.length === 0 && diff.scaleModes.length === 0) return null;
  return (
    <section className="versions-diff__group" aria-labelledby="versions-diff-ratings">
      <h4 id="versions-diff-ratings">{t('versions.compare.ratings')}</h4>
      <ul>
        {diff.ratings.map((change) => {
          const person = personOf(change.participantId, before, after);
          const reason = change.after?.reason ?? '';
          return (
            <li key={`${change.scaleId}:${change.participantId}`}>
              {t('versions.compare.rating', {
                scale: scaleWords(scaleName(change.scaleId, before, after)),
                name: person?.name ?? t('versions.compare.someone'),
                role: person ? t(`role.${person.role}`) : '?',
                before: score(change.before),
                after: score(change.after),
              })}
              {reason && change.after?.reason !== change.before?.reason && (
                <span className="versions-diff__reason"> {t('versions.compare.reason', { reason })}</span>
              )}
            </li>
          );
        })}
        {diff.scaleModes.map((change) => (
          <li key={`mode:${change.scaleId}`}>
            {t('versions.compare.scaleMode', {
              scale: scaleWords(scaleName(change.scaleId, before, after)),
              before: modeWords(change.before),
              after: modeWords(change.after),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
