import { may, type Role } from '@kinmap/model';
import { useEffect, useState } from 'react';
import type { BoardMember } from '../access/inviteApi';
import { t } from '../lib/messages';
import {
  agreeAsParent,
  type ChildToolInfo,
  listChildTools,
  moveWordsPictures,
  shareWithParents,
} from './childToolApi';

export interface WordsPicturesPanelProps {
  readonly boardId: string;
  readonly tool: ChildToolInfo;
  readonly childName: string;
  readonly me: { readonly participantId: string; readonly role: Role };
  /** The board's members (staff only); null for everyone else or while loading. */
  readonly members: readonly BoardMember[] | null;
  readonly nameOf: (memberId: string) => string | null;
  readonly onToolChanged: (tool: ChildToolInfo) => void;
}

/** How often the panel asks again where the agreement stands (parents agree on their own devices). */
const REFRESH_MS = 5_000;

/**
 * Words and Pictures' drafting ([CT5], [CT6]): the worker shares the draft with each parent to agree,
 * each parent agrees on their own device to it as it is now (a later change asks them again), then
 * the worker shares it with the child and marks it left with them.
 */
export function WordsPicturesPanel({
  boardId,
  tool,
  childName,
  me,
  members,
  nameOf,
  onToolChanged,
}: WordsPicturesPanelProps) {
  const info = tool.wordsPictures;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(info?.parents.map((p) => p.memberId)),
  );
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  // The parents agree elsewhere: read the agreement again every few seconds while this is open.
  useEffect(() => {
    let alive = true;
    const timer = setInterval(() => {
      void listChildTools(boardId).then((result) => {
        const fresh = result.ok ? result.value.find((entry) => entry.id === tool.id) : undefined;
        if (alive && fresh && JSON.stringify(fresh.wordsPictures) !== JSON.stringify(tool.wordsPictures)) {
          onToolChanged(fresh);
        }
      });
    }, REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [boardId, tool, onToolChanged]);

  if (info === null) return null;
  const staff = may(me.role, 'CT5');
  const parents = (members ?? []).filter((member) => member.revokedAt === null && may(member.role, 'CT6'));
  const mine = info.parents.find((parent) => parent.memberId === me.participantId);
  const run = async (action: () => ReturnType<typeof agreeAsParent>) => {
    setBusy(true);
    setFailed(false);
    const result = await action();
    setBusy(false);
    if (result.ok) onToolChanged(result.value);
    else setFailed(true);
  };
  const nameFor = (memberId: string) => nameOf(memberId) ?? t('child.sees.unknownPerson');

  return (
    <section className="child-wp" aria-labelledby={`wp-${tool.id}`}>
      <h3 id={`wp-${tool.id}`}>{t('child.wp.title')}</h3>
      <p className="child-wp__stage">{t(`child.wp.stage.${info.stage}`, { child: childName })}</p>
      {info.parents.length > 0 && (
        <ul className="child-wp__parents" aria-label={t('child.wp.parents')}>
          {info.parents.map((parent) => (
            <li key={parent.memberId} dir="auto">
              {t(
                parent.agreedAt === null
                  ? 'child.wp.parentWaiting'
                  : parent.current
                    ? 'child.wp.parentAgreed'
                    : 'child.wp.parentStale',
                { name: nameFor(parent.memberId) },
              )}
            </li>
          ))}
        </ul>
      )}
      {staff && (info.stage === 'draft' || info.stage === 'with-parents') && (
        <form
          className="child-wp__share"
          onSubmit={(event) => {
            event.preventDefault();
            const ids = parents.filter((member) => chosen.has(member.id)).map((member) => member.id);
            if (ids.length > 0) void run(() => shareWithParents(boardId, tool.id, ids));
          }}
        >
          <fieldset>
            <legend>{t('child.wp.parents')}</legend>
            {members !== null && parents.length === 0 && <p className="hint">{t('child.wp.noParents')}</p>}
            {parents.map((member) => (
              <label key={member.id} className="child-who__person" dir="auto">
                <input
                  type="checkbox"
                  checked={chosen.has(member.id)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    setChosen((current) => {
                      const next = new Set(current);
                      if (on) next.add(member.id);
                      else next.delete(member.id);
                      return next;
                    });
                  }}
                />
                {member.displayName}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={busy || chosen.size === 0}>
            {t('child.wp.share')}
          </button>
        </form>
      )}
      {staff && info.stage === 'agreed' && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => moveWordsPictures(boardId, tool.id, 'with-child'))}
        >
          {t('child.wp.withChild', { child: childName })}
        </button>
      )}
      {staff && info.stage === 'with-child' && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => moveWordsPictures(boardId, tool.id, 'left-with-child'))}
        >
          {t('child.wp.left', { child: childName })}
        </button>
      )}
      {mine !== undefined && may(me.role, 'CT6') && info.stage === 'with-parents' && !mine.current && (
        <button type="button" disabled={busy} onClick={() => void run(() => agreeAsParent(boardId, tool.id))}>
          {t('child.wp.agree')}
        </button>
      )}
      <p role="status" className="child-wp__notice">
        {failed ? t('child.wp.failed') : mine?.current ? t('child.wp.agreed') : ''}
      </p>
    </section>
  );
}
