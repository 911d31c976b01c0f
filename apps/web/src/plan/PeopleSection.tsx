import {
  LIMITS,
  may,
  type ParticipantId,
  type ParticipantState,
  type PersonFields,
  type PersonState,
} from '@kinmap/model';
import { type FormEvent, useId, useState } from 'react';
import type { ActionOutcome, BoardWriter } from '../editing/boardActions';
import { t } from '../lib/messages';
import { ConfirmRemove } from './ConfirmRemove';
import { LiveField } from './LiveField';
import { addPersonTo, personLabel, removePersonFrom, savePerson } from './peopleActions';

export interface PeopleSectionProps {
  readonly session: BoardWriter | null;
  readonly people: readonly PersonState[];
  /** Who is on the board: a person without a device may join later and be linked ([AC48]). */
  readonly participants: readonly ParticipantState[];
  readonly report: <T>(outcome: ActionOutcome<T>) => ActionOutcome<T>;
  /** Staff keep the list (SPEC [AC46]); everyone else reads it. */
  readonly canEdit: boolean;
}

/**
 * The children of the case, by the name the family uses and their age, and anyone scored here
 * without a device (issue 14). Scores and the child's tools name them; staff keep the list.
 */
export function PeopleSection({ session, people, participants, report, canEdit }: PeopleSectionProps) {
  const scorers = participants.filter((participant) => may(participant.role, 'AC8'));
  return (
    <section className="plan-section" aria-labelledby="plan-people-title">
      <h3 id="plan-people-title">{t('plan.people.title')}</h3>
      <p className="hint">{t('plan.people.hint')}</p>
      {people.length === 0 ? (
        <p className="plan-empty">{t('plan.people.empty')}</p>
      ) : (
        <ul className="plan-list" aria-labelledby="plan-people-title">
          {people.map((person) =>
            canEdit && session ? (
              <PersonItem
                key={person.id}
                person={person}
                participants={scorers}
                onSave={(changes) => report(savePerson(session, person.id, changes))}
                onRemove={() => report(removePersonFrom(session, person.id))}
              />
            ) : (
              <li key={person.id} className="plan-item plan-person" dir="auto">
                {personLabel(person)}
              </li>
            ),
          )}
        </ul>
      )}
      {canEdit && session && <AddPersonForm session={session} report={report} />}
    </section>
  );
}

function PersonItem({
  person,
  participants,
  onSave,
  onRemove,
}: {
  readonly person: PersonState;
  readonly participants: readonly ParticipantState[];
  readonly onSave: (changes: PersonFields) => void;
  readonly onRemove: () => void;
}) {
  const label = personLabel(person);
  return (
    <li className="plan-item plan-person">
      <h4 className="plan-item__title" dir="auto">
        {label}
      </h4>
      <LiveField
        label={t('plan.person.name')}
        value={person.name}
        maxLength={LIMITS.personName}
        onSave={(name) => {
          if (name.trim()) onSave({ name });
        }}
      />
      <div className="plan-person__row">
        <AgeField age={person.age} onSave={(age) => onSave({ age })} />
        <KindField kind={person.kind} onSave={(kind) => onSave({ kind })} />
      </div>
      <JoinedAsField
        name={person.name}
        participantId={person.participantId}
        participants={participants}
        onSave={(participantId) => onSave({ participantId })}
      />
      <ConfirmRemove
        label={t('plan.person.remove', { name: person.name })}
        question={t('plan.person.confirmRemove', { name: person.name })}
        onConfirm={onRemove}
      />
    </li>
  );
}

/** Whole years 0–120, or empty for "not given". */
function parseAge(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const age = Number(trimmed);
  return Number.isInteger(age) && age >= 0 && age <= LIMITS.age ? age : undefined;
}

function AgeField({
  age,
  onSave,
}: {
  readonly age: number | null;
  readonly onSave: (age: number | null) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const parsed = parseAge(text);
    if (parsed !== undefined) {
      if (parsed !== age) onSave(parsed);
      setText(null);
    }
  };
  return <AgeInput text={text ?? (age === null ? '' : String(age))} onChange={setText} onBlur={commit} />;
}

/** The age in whole years as typed, saying so when it is not one. */
function AgeInput({
  text,
  onChange,
  onBlur,
}: {
  readonly text: string;
  readonly onChange: (text: string) => void;
  readonly onBlur?: () => void;
}) {
  const id = useId();
  const invalid = parseAge(text) === undefined;
  return (
    <div className="plan-field plan-person__age">
      <label className="plan-field__label" htmlFor={id}>
        {t('plan.person.age')}
      </label>
      <input
        id={id}
        inputMode="numeric"
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
        onBlur={onBlur}
      />
      {invalid && (
        <p id={`${id}-error`} className="error">
          {t('plan.person.ageInvalid')}
        </p>
      )}
    </div>
  );
}

function KindField({
  kind,
  onSave,
}: {
  readonly kind: PersonState['kind'];
  readonly onSave: (kind: PersonState['kind']) => void;
}) {
  const id = useId();
  return (
    <div className="plan-field">
      <label className="plan-field__label" htmlFor={id}>
        {t('plan.person.kind')}
      </label>
      <select
        id={id}
        value={kind}
        onChange={(event) => onSave(event.currentTarget.value === 'adult' ? 'adult' : 'child')}
      >
        <option value="child">{t('plan.person.kindChild')}</option>
        <option value="adult">{t('plan.person.kindAdult')}</option>
      </select>
    </div>
  );
}

/**
 * Once someone scored without a device joins with one of their own, staff link the two; they can
 * then make the score written down for them their own ([AC48]).
 */
function JoinedAsField({
  name,
  participantId,
  participants,
  onSave,
}: {
  readonly name: string;
  readonly participantId: ParticipantId | null;
  readonly participants: readonly ParticipantState[];
  readonly onSave: (participantId: ParticipantId | null) => void;
}) {
  const id = useId();
  return (
    <div className="plan-field">
      <label className="plan-field__label" htmlFor={id}>
        {t('plan.person.joinedAs', { name })}
      </label>
      <select
        id={id}
        value={participantId ?? ''}
        onChange={(event) => {
          const chosen = participants.find((p) => p.id === event.currentTarget.value);
          onSave(chosen?.id ?? null);
        }}
      >
        <option value="">{t('plan.person.notJoined')}</option>
        {participants.map((participant) => (
          <option key={participant.id} value={participant.id}>
            {participant.displayName}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Name first (a person needs one), age and kind optional. */
function AddPersonForm({
  session,
  report,
}: {
  readonly session: BoardWriter;
  readonly report: PeopleSectionProps['report'];
}) {
  const nameId = useId();
  const [name, setName] = useState('');
  const [age, setAge] = useState('');
  const [kind, setKind] = useState<PersonState['kind']>('child');
  const parsedAge = parseAge(age);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || parsedAge === undefined) return;
    const outcome = report(addPersonTo(session, { name, age: parsedAge, kind }));
    if (outcome.ok) {
      setName('');
      setAge('');
    }
  };
  return (
    <form className="plan-person-add" onSubmit={submit} aria-labelledby={`${nameId}-legend`}>
      <h4 id={`${nameId}-legend`} className="plan-person-add__title">
        {t('plan.people.addTitle')}
      </h4>
      <div className="plan-field">
        <label className="plan-field__label" htmlFor={nameId}>
          {t('plan.person.name')}
        </label>
        <input
          id={nameId}
          value={name}
          maxLength={LIMITS.personName}
          autoComplete="off"
          onChange={(event) => setName(event.currentTarget.value)}
        />
      </div>
      <div className="plan-person__row">
        <AgeInput text={age} onChange={setAge} />
        <KindField kind={kind} onSave={setKind} />
      </div>
      <button type="submit" className="plan-add" disabled={!name.trim() || parsedAge === undefined}>
        {t('plan.people.add')}
      </button>
    </form>
  );
}
