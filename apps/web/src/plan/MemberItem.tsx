import type { NetworkMemberFields, NetworkMemberState } from '@kinmap/model';
import { t } from '../lib/messages';
import { ConfirmRemove } from './ConfirmRemove';
import { LiveField } from './LiveField';

export interface MemberItemProps {
  readonly member: NetworkMemberState;
  /** Their name, or "Person 2" until they have one. */
  readonly label: string;
  readonly focusName: boolean;
  readonly onSave: (changes: NetworkMemberFields) => void;
  /** Absent when this person may not remove people (SPEC AC13: staff only). */
  readonly onRemove?: (() => void) | undefined;
}

const MAX_FIELD = 500;

/** One person in the network, edited in place: their details, whether they know the worries. */
export function MemberItem({ member, label, focusName, onSave, onRemove }: MemberItemProps) {
  return (
    <li className="plan-item">
      <h4 className="plan-item__title" dir="auto">
        {label}
      </h4>
      <LiveField
        label={t('plan.member.name')}
        value={member.name}
        maxLength={MAX_FIELD}
        focusOnMount={focusName}
        onSave={(name) => onSave({ name })}
      />
      <LiveField
        label={t('plan.member.relationship')}
        value={member.relationship}
        maxLength={MAX_FIELD}
        onSave={(relationship) => onSave({ relationship })}
      />
      <LiveField
        label={t('plan.member.contact')}
        value={member.contact}
        maxLength={MAX_FIELD}
        onSave={(contact) => onSave({ contact })}
      />
      <LiveField
        label={t('plan.member.agreedTo')}
        value={member.agreedTo}
        maxLength={MAX_FIELD}
        multiline
        onSave={(agreedTo) => onSave({ agreedTo })}
      />
      <label className="plan-check">
        <input
          type="checkbox"
          checked={member.toldAboutWorries}
          onChange={(event) => onSave({ toldAboutWorries: event.currentTarget.checked })}
        />
        {t('plan.member.told')}
      </label>
      {onRemove && (
        <ConfirmRemove
          label={t('plan.member.remove', { name: label })}
          question={t('plan.member.confirmRemove', { name: label })}
          onConfirm={onRemove}
        />
      )}
    </li>
  );
}
