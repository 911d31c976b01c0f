import type { NetworkMemberId, NetworkMemberState } from '@kinmap/model';
import { useState } from 'react';
import type { ActionOutcome, BoardWriter } from '../editing/boardActions';
import { t } from '../lib/messages';
import { MemberItem } from './MemberItem';
import { addMemberTo, removeMember, saveMember } from './planActions';
import { memberLabel } from './planOrder';
import { ToldSummary } from './ToldSummary';

export interface NetworkSectionProps {
  readonly session: BoardWriter | null;
  readonly members: readonly NetworkMemberState[];
  readonly report: <T>(outcome: ActionOutcome<T>) => ActionOutcome<T>;
  /** Whether this person may remove people from the network (SPEC AC13). */
  readonly canRemove: boolean;
}

/** The network: everyone who will help keep the child safe, with a button to add one more. */
export function NetworkSection({ session, members, report, canRemove }: NetworkSectionProps) {
  // The person just added here: their name field takes the caret so typing can start at once.
  const [addedId, setAddedId] = useState<NetworkMemberId | null>(null);
  const add = () => {
    if (!session) return;
    const outcome = report(addMemberTo(session));
    if (outcome.ok) setAddedId(outcome.value);
  };
  return (
    <section className="plan-section" aria-labelledby="plan-network-title">
      <h3 id="plan-network-title">{t('plan.network.title')}</h3>
      <p className="hint">{t('plan.network.hint')}</p>
      <ToldSummary members={members} />
      {members.length === 0 ? (
        <p className="plan-empty">{t('plan.network.empty')}</p>
      ) : (
        <ul className="plan-list" aria-labelledby="plan-network-title">
          {members.map((member) => (
            <MemberItem
              key={member.id}
              member={member}
              label={memberLabel(member, members)}
              focusName={member.id === addedId}
              onSave={(changes) => session && report(saveMember(session, member.id, changes))}
              onRemove={canRemove ? () => session && report(removeMember(session, member.id)) : undefined}
            />
          ))}
        </ul>
      )}
      <button type="button" className="plan-add" disabled={!session} onClick={add}>
        {t('plan.network.add')}
      </button>
    </section>
  );
}
