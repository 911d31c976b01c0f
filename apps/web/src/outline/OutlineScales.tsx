import { t } from '../lib/messages';
import { isolate } from './isolate';
import type { OutlineRating, OutlineScale } from './outlineScales';

function ratingLine(rating: OutlineRating): string {
  const name = isolate(rating.name ?? t('outline.someone'));
  const who = rating.role ? t('outline.person', { name, role: t(`role.${rating.role}`) }) : name;
  return t('outline.rating', { who, value: rating.value });
}

function PairWords({ pair }: { readonly pair: NonNullable<OutlineScale['pair']> }) {
  const words = (text: string | null) =>
    text === null ? t('outline.hiddenCard') : <bdi dir="auto">{text || t('card.empty')}</bdi>;
  return (
    <dl className="outline-fields">
      <div>
        <dt>{t('outline.pairDanger')}</dt>
        <dd>{words(pair.dangerStatement)}</dd>
      </div>
      <div>
        <dt>{t('outline.pairGoal')}</dt>
        <dd>{words(pair.safetyGoal)}</dd>
      </div>
    </dl>
  );
}

function ScaleBody({ scale }: { readonly scale: OutlineScale }) {
  if (scale.mode === 'private') {
    return (
      <>
        <p>{t('outline.private')}</p>
        <p>{t('outline.scored', { count: scale.scored })}</p>
      </>
    );
  }
  if (scale.ratings.length === 0) return <p>{t('outline.noScores')}</p>;
  return (
    <ul className="outline-ratings">
      {scale.ratings.map((rating) => (
        <li key={rating.participantId}>
          {ratingLine(rating)}
          {rating.reason !== '' && (
            <>
              {' — '}
              <bdi dir="auto">{rating.reason}</bdi>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The overall scale and each pair's scale as labelled values (never a picture). */
export function OutlineScales({ scales }: { readonly scales: readonly OutlineScale[] }) {
  return (
    <section className="outline-section">
      <h2>{t('outline.scales')}</h2>
      <p className="outline-prompt">{t('outline.scalesIntro')}</p>
      {scales.map((scale, i) => (
        <div key={scale.id} className="outline-scale">
          <h3>{scale.pair ? t('outline.pairScale', { n: i }) : t('outline.overallScale')}</h3>
          {scale.pair && <PairWords pair={scale.pair} />}
          <ScaleBody scale={scale} />
        </div>
      ))}
    </section>
  );
}
