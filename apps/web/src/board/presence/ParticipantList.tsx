import { useEffect, useId, useRef, useState } from 'react';
import { ROLE_COLORS } from '../../canvas/colors';
import { t } from '../../lib/messages';
import { initials } from './initials';
import type { Presence } from './presence';

export interface ParticipantListProps {
  readonly people: readonly Presence[];
  readonly myParticipantId: string;
}

/** How many faces the top bar shows before "+N". */
const SHOWN_FACES = 4;

/**
 * Who is on the board now: round avatars (initials on their role's colour) in the top bar, and on
 * a click the list with each name and role in words.
 */
export function ParticipantList({ people, myParticipantId }: ParticipantListProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  const nameOf = (person: Presence) =>
    person.participantId === myParticipantId ? t('participants.you', { name: person.name }) : person.name;
  const faces = people.slice(0, SHOWN_FACES);
  const more = people.length - faces.length;
  return (
    <section
      ref={root}
      className="participants"
      aria-label={t('participants.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        className="participants__toggle"
        aria-expanded={open}
        aria-controls={listId}
        title={people.map(nameOf).join(', ')}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="participants__faces" aria-hidden="true">
          {faces.map((person) => (
            <span
              key={person.participantId}
              className="avatar"
              style={{ background: ROLE_COLORS[person.role] }}
            >
              {initials(person.name)}
            </span>
          ))}
          {more > 0 && <span className="avatar avatar--more">{t('participants.more', { count: more })}</span>}
        </span>
        <span className="visually-hidden">{t('participants.count', { count: people.length })}</span>
      </button>
      <div id={listId} className="participants__popover" hidden={!open}>
        <h2 className="participants__title">{t('participants.title')}</h2>
        <ul>
          {people.map((person) => (
            <li key={person.participantId} className="participant">
              <span className="avatar" style={{ background: ROLE_COLORS[person.role] }} aria-hidden="true">
                {initials(person.name)}
              </span>
              <span className="participant__name">{nameOf(person)}</span>
              <span className="participant__role">{t(`role.${person.role}`)}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
