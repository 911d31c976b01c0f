import { CHILD_TOOL_VISIBILITIES, type ChildToolVisibility } from '@kinmap/model';
import { type FormEvent, useId, useState } from 'react';
import type { BoardMember } from '../access/inviteApi';
import { t } from '../lib/messages';
import { type ChildToolInfo, setChildToolVisibility } from './childToolApi';
import { choiceWords, visibilityWords } from './toolWords';

export interface WhoSeesFormProps {
  readonly boardId: string;
  readonly tool: ChildToolInfo;
  readonly childName: string;
  /** The board's members to choose from; null while loading or when they could not be loaded. */
  readonly members: readonly BoardMember[] | null;
  readonly membersFailed: boolean;
  readonly nameOf: (memberId: string) => string | null;
  readonly onSaved: (tool: ChildToolInfo) => void;
}

type Notice = { readonly saved: string } | { readonly problem: 'failed' | 'pickSomeone' } | null;

/**
 * Who may see the child's work, chosen with the child and in the child's words ([CT2]): four
 * choices, and with "people I choose" the board's members to tick. The worker always sees it.
 * The server closes the tool for anyone left out, at once.
 */
export function WhoSeesForm({
  boardId,
  tool,
  childName,
  members,
  membersFailed,
  nameOf,
  onSaved,
}: WhoSeesFormProps) {
  const id = useId();
  const [visibility, setVisibility] = useState<ChildToolVisibility>(tool.visibility);
  const [named, setNamed] = useState<ReadonlySet<string>>(() => new Set(tool.named));
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  // Everyone on the board but the worker (who always sees it) and those whose access has ended.
  const choosable = (members ?? []).filter(
    (member) => member.revokedAt === null && member.id !== tool.workerMemberId,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const chosen = choosable.filter((member) => named.has(member.id)).map((member) => member.id);
    if (visibility === 'named' && chosen.length === 0) {
      setNotice({ problem: 'pickSomeone' });
      return;
    }
    setSaving(true);
    const result = await setChildToolVisibility(boardId, tool.id, { visibility, named: chosen });
    setSaving(false);
    if (!result.ok) {
      setNotice({ problem: 'failed' });
      return;
    }
    setNotice({ saved: visibilityWords(result.value, childName, nameOf, true) });
    onSaved(result.value);
  };
  const toggle = (memberId: string, on: boolean) =>
    setNamed((current) => {
      const next = new Set(current);
      if (on) next.add(memberId);
      else next.delete(memberId);
      return next;
    });

  return (
    <form className="child-who" onSubmit={(event) => void submit(event)}>
      <fieldset className="child-who__choices">
        <legend className="child-who__legend">{t('child.choice.legend')}</legend>
        <p className="hint">{t('child.choice.hint', { child: childName })}</p>
        {CHILD_TOOL_VISIBILITIES.map((choice) => (
          <label key={choice} className="child-who__choice">
            <input
              type="radio"
              name={`${id}-visibility`}
              value={choice}
              checked={visibility === choice}
              onChange={() => setVisibility(choice)}
            />
            {choiceWords(choice)}
          </label>
        ))}
      </fieldset>
      {visibility === 'named' && (
        <fieldset className="child-who__people">
          <legend>{t('child.choice.people', { child: childName })}</legend>
          {membersFailed ? (
            <p className="error">{t('child.choice.loadFailed')}</p>
          ) : members !== null && choosable.length === 0 ? (
            <p className="hint">{t('child.choice.noPeople')}</p>
          ) : (
            choosable.map((member) => (
              <label key={member.id} className="child-who__person" dir="auto">
                <input
                  type="checkbox"
                  checked={named.has(member.id)}
                  onChange={(event) => toggle(member.id, event.currentTarget.checked)}
                />
                {t('members.entry', { name: member.displayName, role: t(`role.${member.role}`) })}
              </label>
            ))
          )}
        </fieldset>
      )}
      <button type="submit" disabled={saving}>
        {saving ? t('child.choice.saving') : t('child.choice.save')}
      </button>
      <p className="child-who__notice" role="status">
        {notice === null
          ? ''
          : 'saved' in notice
            ? t('child.choice.saved', { sees: notice.saved })
            : notice.problem === 'failed'
              ? t('child.choice.failed')
              : t('child.choice.pickSomeone')}
      </p>
    </form>
  );
}
