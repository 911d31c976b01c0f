import type { BoardDiff, BoardState, NetworkMemberState, RuleState } from '@kinmap/model';
import { ownValue } from '@kinmap/model';
import { t } from '../lib/messages';

export interface DiffPlanPartsProps {
  readonly diff: BoardDiff;
  readonly before: BoardState;
  readonly after: BoardState;
}

type MemberField = keyof NetworkMemberState & string;
type RuleField = keyof RuleState & string;

/** The changed fields in words; ids are never shown. */
function fieldWords(fields: readonly string[]): string {
  return fields
    .filter((field) => field !== 'id')
    .map((field) => t(`versions.compare.field.${field as Exclude<MemberField | RuleField, 'id'>}`))
    .join(', ');
}

function danger(board: BoardState, cardId: string): string {
  return ownValue(board.cards, cardId)?.text ?? '';
}

/** The analysis pairs, the network, the rules and the plan's details that changed. */
export function DiffPlanParts({ diff, before, after }: DiffPlanPartsProps) {
  const { pairs, network, people, rules } = diff;
  const pairLines = [
    ...pairs.added.map((p) =>
      t('versions.compare.pairAdded', { dangerStatement: danger(after, p.dangerStatementId) }),
    ),
    ...pairs.removed.map((p) =>
      t('versions.compare.pairRemoved', { dangerStatement: danger(before, p.dangerStatementId) }),
    ),
  ];
  const memberLines = [
    ...network.added.map((m) => t('versions.compare.memberAdded', { name: m.name })),
    ...network.removed.map((m) => t('versions.compare.memberRemoved', { name: m.name })),
    ...network.changed.map((c) =>
      t('versions.compare.memberChanged', { name: c.after.name, fields: fieldWords(c.fields) }),
    ),
  ];
  // The children of the case (issue 14): who was added, removed or changed.
  const peopleLines = [
    ...people.added.map((p) => t('versions.compare.personAdded', { name: p.name })),
    ...people.removed.map((p) => t('versions.compare.personRemoved', { name: p.name })),
    ...people.changed.map((c) => t('versions.compare.personChanged', { name: c.after.name })),
  ];
  const hasRules = rules.added.length + rules.removed.length + rules.changed.length > 0;
  return (
    <>
      <Lines id="versions-diff-pairs" heading={t('versions.compare.pairs')} lines={pairLines} />
      <Lines id="versions-diff-people" heading={t('versions.compare.people')} lines={peopleLines} />
      <Lines id="versions-diff-network" heading={t('versions.compare.network')} lines={memberLines} />
      {hasRules && (
        <section className="versions-diff__group" aria-labelledby="versions-diff-rules">
          <h4 id="versions-diff-rules">{t('versions.compare.rules')}</h4>
          <ul>
            {rules.added.map((rule) => (
              <li key={rule.id}>
                {t('versions.compare.ruleAdded')}: <q>{rule.text}</q>
              </li>
            ))}
            {rules.removed.map((rule) => (
              <li key={rule.id}>
                {t('versions.compare.ruleRemoved')}: <q>{rule.text}</q>
              </li>
            ))}
            {rules.changed.map((change) => (
              <li key={change.id}>
                {t('versions.compare.ruleChanged')}: <q>{change.after.text}</q>{' '}
                {t('versions.compare.ruleFields', { fields: fieldWords(change.fields) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {diff.plan.length > 0 && (
        <p>
          {t('versions.compare.plan', {
            fields: diff.plan.map((f) => t(`versions.compare.field.${f}`)).join(', '),
          })}
        </p>
      )}
    </>
  );
}

function Lines({ id, heading, lines }: { id: string; heading: string; lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <section className="versions-diff__group" aria-labelledby={id}>
      <h4 id={id}>{heading}</h4>
      <ul>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat (two members of one name)
          <li key={i}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
