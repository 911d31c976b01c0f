import { type BoardState, cardsInCategory, compareOrdered, ownValue } from '@kinmap/model';
import { t } from '../lib/messages';

export interface MeetingSummaryProps {
  /** The board as the wall may show it: never a professionals-only card. */
  readonly board: BoardState;
}

/** `YYYY-MM-DD` as a full date in the reader's language (the date itself, not a time zone's view of it). */
function fullDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' }).format(date);
}

/**
 * The end-of-meeting screen for the wall: the safety goals, the next steps (who does what by
 * when, in the words on the cards), the plan's rules with the people who make sure, and the review
 * date — from the board's own records, in large type.
 */
export function MeetingSummary({ board }: MeetingSummaryProps) {
  const goals = cardsInCategory(board, 'safetyGoal');
  const steps = cardsInCategory(board, 'nextStep');
  const rules = Object.values(board.rules).sort(compareOrdered);
  const { plan } = board;
  const names = (ids: readonly string[]) =>
    ids
      .map((id) => ownValue(board.network, id)?.name.trim())
      .filter((name): name is string => name !== undefined && name !== '')
      .join(', ');
  const list = (texts: readonly { id: string; text: string; who?: string }[]) =>
    texts.length === 0 ? (
      <p className="meeting-summary-none">{t('meeting.summary.none')}</p>
    ) : (
      <ul>
        {texts.map((entry) => (
          <li key={entry.id} dir="auto">
            {entry.text}
            {entry.who !== undefined && <span className="meeting-summary-who">{entry.who}</span>}
          </li>
        ))}
      </ul>
    );

  return (
    <section
      className="meeting-summary"
      aria-labelledby="meeting-summary-title"
      data-testid="meeting-summary"
    >
      <header className="meeting-summary-header">
        <h1 id="meeting-summary-title">
          {t('meeting.summary.title')}
          <span className="meeting-summary-board" dir="auto">
            {board.meta.title}
          </span>
        </h1>
        <p className="meeting-summary-review" data-testid="meeting-summary-review">
          <span>{t('meeting.summary.review')}</span>
          <strong>
            {plan.reviewDate === null ? t('meeting.summary.noReview') : fullDate(plan.reviewDate)}
          </strong>
        </p>
      </header>
      <div className="meeting-summary-columns">
        <section aria-labelledby="meeting-summary-goals">
          <h2 id="meeting-summary-goals">{t('meeting.summary.goals')}</h2>
          {list(goals.map((card) => ({ id: card.id, text: card.text })))}
        </section>
        <section aria-labelledby="meeting-summary-steps">
          <h2 id="meeting-summary-steps">{t('meeting.summary.nextSteps')}</h2>
          {list(steps.map((card) => ({ id: card.id, text: card.text })))}
        </section>
        <section aria-labelledby="meeting-summary-rules">
          <h2 id="meeting-summary-rules">{t('meeting.summary.rules')}</h2>
          {list(
            rules.map((rule) => ({
              id: rule.id,
              text: rule.text,
              who: names(rule.responsibleMemberIds) || t('meeting.summary.whoNobody'),
            })),
          )}
          {(plan.monitoringWho.trim() !== '' || plan.monitoringHowOften.trim() !== '') && (
            <p className="meeting-summary-monitoring" dir="auto">
              {t('meeting.summary.monitoring', {
                who: plan.monitoringWho,
                howOften: plan.monitoringHowOften,
              })}
            </p>
          )}
        </section>
      </div>
    </section>
  );
}
