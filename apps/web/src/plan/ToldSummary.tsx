import type { NetworkMemberState } from '@kinmap/model';
import { t } from '../lib/messages';
import { memberLabel } from './planOrder';

/**
 * Who in the network has been told about the worries, and who not yet, in one line (issue 15): a
 * network that does not know the worries cannot keep the child safe from them.
 */
export function ToldSummary({ members }: { readonly members: readonly NetworkMemberState[] }) {
  if (members.length === 0) return null;
  const told = members.filter((member) => member.toldAboutWorries);
  const notYet = members.filter((member) => !member.toldAboutWorries);
  const names = (list: readonly NetworkMemberState[]) => list.map((m) => memberLabel(m, members)).join(', ');
  return (
    <p className="plan-told" dir="auto">
      {told.length === 0
        ? t('plan.told.nobody')
        : t('plan.told.summary', { names: names(told), count: told.length, total: members.length })}{' '}
      {notYet.length > 0 && told.length > 0 && t('plan.told.notYet', { names: names(notYet) })}
    </p>
  );
}
