import { may } from '@kinmap/model';
import { type FormEvent, useId, useState } from 'react';
import type { BoardMember } from '../access/inviteApi';
import { t } from '../lib/messages';
import { type ChildToolInfo, handOverChildTool } from './childToolApi';

export interface HandOverFormProps {
  readonly boardId: string;
  readonly tool: ChildToolInfo;
  readonly childName: string;
  /** The board's members; null while loading. */
  readonly members: readonly BoardMember[] | null;
  readonly onSaved: (tool: ChildToolInfo) => void;
  /** The facilitator handing over for a worker who has left (rather than the worker themselves). */
  readonly forLeaver?: boolean;
}

/**
 * [CT8] Hands a child's tool to the child's new worker: another staff member of the board, who then
 * sees it always; the last worker sees it only as the child chose. Offered to the worker, and to the
 * facilitator once the worker has left the board.
 */
export function HandOverForm({
  boardId,
  tool,
  childName,
  members,
  onSaved,
  forLeaver = false,
}: HandOverFormProps) {
  const id = useId();
  const staff = (members ?? []).filter(
    (member) => member.revokedAt === null && may(member.role, 'CT1') && member.id !== tool.workerMemberId,
  );
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ readonly text: string; readonly problem: boolean } | null>(null);
  if (members !== null && staff.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const to = staff.find((member) => member.id === chosen);
    if (!to) return;
    setBusy(true);
    const result = await handOverChildTool(boardId, tool.id, to.id);
    setBusy(false);
    if (!result.ok) {
      setSaid({ text: t('child.handOver.failed'), problem: true });
      return;
    }
    setSaid({ text: t('child.handOver.done', { name: to.displayName, child: childName }), problem: false });
    onSaved(result.value);
  };

  return (
    <form
      className="child-hand-over"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
    >
      <h3 id={`${id}-title`} className="child-hand-over__title">
        {t('child.handOver.title')}
      </h3>
      <p className="hint">
        {t(forLeaver ? 'child.handOver.hintLeft' : 'child.handOver.hint', { child: childName })}
      </p>
      <label htmlFor={`${id}-who`}>{t('child.handOver.who')}</label>
      <select id={`${id}-who`} value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
        <option value="">{t('child.handOver.pick')}</option>
        {staff.map((member) => (
          <option key={member.id} value={member.id}>
            {member.displayName}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy || chosen === ''}>
        {t('child.handOver.button')}
      </button>
      <p role="status">{said && !said.problem ? said.text : ''}</p>
      {said?.problem && (
        <p role="alert" className="error">
          {said.text}
        </p>
      )}
    </form>
  );
}
