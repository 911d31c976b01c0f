import { ROLE_COLORS } from '../../canvas/colors';
import { t } from '../../lib/messages';
import type { Presence } from './presence';

export interface ParticipantListProps {
  readonly people: readonly Presence[];
  readonly myParticipantId: string;
}

/** Who is on the board now, with their role in words and in its colour. */
export function ParticipantList({ people, myParticipantId }: ParticipantListProps) {
  return (
    <section className="participants" aria-label={t('participants.title')}>
      <h2 className="visually-hidden">{t('participants.title')}</h2>
      <ul>
        {people.map((person) => (
          <li key={person.participantId} className="participant">
            <span
              className="participant__dot"
              style={{ background: ROLE_COLORS[person.role] }}
              aria-hidden="true"
            />
            <span className="participant__name">
              {person.participantId === myParticipantId
                ? t('participants.you', { name: person.name })
                : person.name}
            </span>
            <span className="participant__role">{t(`role.${person.role}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
